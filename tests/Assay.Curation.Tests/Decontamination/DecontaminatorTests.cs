using Assay.Curation.Decontamination;
using Assay.Curation.Tests.Dedup;

namespace Assay.Curation.Tests.Decontamination;

public sealed class DecontaminatorTests
{
    private static readonly IReadOnlyList<string> Docs = RealText.Documents(21, 12, 60);

    private static Dictionary<string, IReadOnlyList<BenchmarkItem>> Benchmarks() => new()
    {
        ["qa"] =
        [
            new BenchmarkItem("q0", Docs[0]),
            new BenchmarkItem("q1", Docs[1]),
            new BenchmarkItem("q2", Docs[2]),
            BenchmarkItem.FromQuestionAnswer("q3", "What is the capital of France?", "Paris"),
        ],
        ["other"] = [new BenchmarkItem("o0", Docs[3])],
    };

    private static string Rewrap(string text, int wordsPerLine)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join("\n", words.Chunk(wordsPerLine).Select(c => string.Join("  ", c).ToUpperInvariant()));
    }

    [Fact]
    public void FindsRewrappedRecasedBenchmarkTextAsDirty()
    {
        var d = new Decontaminator(Benchmarks(), new DecontaminationOptions());
        // Training page embeds q0 broken into 3-word lines, upper-cased, with surrounding text.
        var match = d.Scan("train-1", Docs[5] + "\n" + Rewrap(Docs[0], 3) + "\n" + Docs[6]);
        Assert.NotNull(match);
        Assert.Equal(["qa/q0"], match.Items);
        var qa = d.Results().Single(r => r.Benchmark == "qa");
        var q0 = qa.Details.Single(i => i.ItemId == "q0");
        Assert.Equal(["train-1"], q0.TrainingIds);
        Assert.Equal(1.0, q0.TokenOverlap);
        Assert.Equal(ContaminationCategory.Dirty, q0.Category);
        Assert.Equal(1, qa.ItemsFound);
        Assert.Equal(1, qa.Dirty);
    }

    [Fact]
    public void PartialOverlapCountsCoveredWords()
    {
        var d = new Decontaminator(Benchmarks(), new DecontaminationOptions());
        var words = Docs[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(words.Length >= 50, $"q1 has only {words.Length} words");
        // 20 consecutive words of q1 inside unrelated text: one 13-gram match, 20 words covered.
        string snippet = string.Join(' ', words.Skip(10).Take(20));
        Assert.NotNull(d.Scan("train-2", Docs[7] + " " + snippet + " " + Docs[8]));
        var q1 = d.Results().Single(r => r.Benchmark == "qa").Details.Single(i => i.ItemId == "q1");
        var norm = new Assay.Curation.Dedup.NormalizedWords();
        norm.Load(Docs[1]);
        var snip = new Assay.Curation.Dedup.NormalizedWords();
        snip.Load(snippet);
        Assert.Equal(snip.Count / (double)norm.Count, q1.TokenOverlap, 9);
        Assert.True(q1.Found);
    }

    [Fact]
    public void TwelveSharedWordsAreNotAMatchButShortItemsMatchWhole()
    {
        var d = new Decontaminator(Benchmarks(), new DecontaminationOptions());
        var words = Docs[2].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Null(d.Scan("train-3", Docs[9] + " " + string.Join(' ', words.Take(12)) + " " + Docs[10]));
        var m = d.Scan("train-4", "Quiz: what is the CAPITAL of france? ... paris! Next question.");
        Assert.NotNull(m);
        Assert.Equal(["qa/q3"], m.Items);
        var results = d.Results();
        Assert.Equal(ContaminationCategory.Dirty, results.Single(r => r.Benchmark == "qa").Details.Single(i => i.ItemId == "q3").Category);
        Assert.Equal(ContaminationCategory.Clean, results.Single(r => r.Benchmark == "other").Details[0].Category);
        Assert.Equal(0, results.Single(r => r.Benchmark == "other").ItemsFound);
    }

    [Fact]
    public void UnrelatedTrainingIsClean()
    {
        var d = new Decontaminator(Benchmarks(), new DecontaminationOptions());
        foreach (int i in new[] { 4, 5, 6, 7 })
            Assert.Null(d.Scan($"t{i}", Docs[i]));
        Assert.All(d.Results().SelectMany(r => r.Details), x => Assert.Equal(ContaminationCategory.Clean, x.Category));
    }
    [Fact]
    public void ScannersOnSeveralThreadsShareOneIndexAndFindWhatOneThreadFinds()
    {
        var index = BenchmarkIndex.Build(Benchmarks(), new DecontaminationOptions());
        // Every third training document embeds (part of) a benchmark item, rewrapped.
        var training = Enumerable.Range(0, 240).Select(i => (Id: $"t{i:D3}", Text: i % 3 == 0
            ? Docs[4 + i % 8] + "\n" + Rewrap(Docs[i % 4], 1 + i % 5) + (i % 2 == 0 ? "" : " capital of france? paris")
            : Docs[4 + i % 8])).ToList();

        var single = new Decontaminator(index);
        var expected = training.Select(t => single.Scan(t.Id, t.Text)?.Items.ToList()).ToList();
        Assert.Contains(expected, m => m is not null);

        var found = new List<string>?[training.Count];
        var perThread = Enumerable.Range(0, 4).Select(_ => new Decontaminator(index)).ToList();
        using var start = new Barrier(perThread.Count);
        var threads = perThread.Select((scanner, k) => new Thread(() =>
        {
            start.SignalAndWait(); // all scanners hit the index at the same moment
            for (int i = k; i < training.Count; i += perThread.Count)
                found[i] = scanner.Scan(training[i].Id, training[i].Text)?.Items.ToList();
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(expected, found);
        // Per-item match counts add up across scanners to the single scanner's.
        var one = single.Results().SelectMany(r => r.Details).Select(d => d.TrainingMatches).ToList();
        var summed = perThread.Select(s => s.Results().SelectMany(r => r.Details).Select(d => d.TrainingMatches).ToList())
            .Aggregate((a, b) => a.Zip(b, (x, y) => x + y).ToList());
        Assert.Equal(one, summed);
    }
}
