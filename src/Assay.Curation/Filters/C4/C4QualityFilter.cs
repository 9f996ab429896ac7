using Assay.Core.Records;
using Assay.Curation.Filters.Blocklists;
using Assay.Curation.Filters.Text;
using Assay.Curation.Resources;
using Assay.Curation.Steps;

namespace Assay.Curation.Filters.C4;

/// <summary>
/// C4's document rules: "lorem ipsum", a curly bracket, fewer than 5 sentences (Punkt-like count per
/// line, summed), then the bad-words list (datatrove's C4BadWordsFilter). Meant to run after
/// <c>c4_lines_v1</c>, so like datatrove the sentence count and the lorem/bracket checks see only the
/// lines C4 keeps; alone it checks the whole text.
/// </summary>
[StepName(Name, typeof(C4QualityOptions), Description = "C4 document rules: lorem ipsum, curly bracket, at least 5 sentences, bad words")]
public sealed class C4QualityFilter(C4QualityOptions options) : FilterStep
{
    public const string Name = "c4_quality_v1";
    private const string Signal = "c4_quality";

    private static readonly Lazy<WordListMatcher> BuiltIn = new(() => new WordListMatcher(BadWordsEnglish.Words));
    private WordListMatcher? _badWords;

    public override void Initialize(StepContext context)
    {
        if (options.BadWordsFile is { } file)
            _badWords = new WordListMatcher(WordListMatcher.ReadListFile(WordListMatcher.Resolve(file, context.BaseDirectory)));
    }

    public override Verdict Judge(Record record)
    {
        string text = record.Text;
        int sentences = CountSentences(text);
        Signals.Set(record, Signal, "sentences", sentences);
        if (options.FilterLoremIpsum && text.Contains("lorem ipsum", StringComparison.OrdinalIgnoreCase))
            return Verdict.Remove("c4_quality:lorem_ipsum");
        if (options.FilterCurlyBracket && text.Contains('{'))
            return Verdict.Remove("c4_quality:curly_bracket");
        if (options.MinNumSentences != -1 && sentences < options.MinNumSentences)
            return Verdict.Remove("c4_quality:too_few_sentences");
        if (options.FilterBadWords)
        {
            int bad = (_badWords ?? BuiltIn.Value).CountMatches(text);
            Signals.Set(record, Signal, "bad_words", bad);
            if (bad > 0) return Verdict.Remove("c4_quality:bad_words");
        }
        return Verdict.Kept;
    }

    /// <summary>Sum over lines of the sentences in each (datatrove counts sent_tokenize per kept line).</summary>
    public static int CountSentences(string text)
    {
        var lines = Scratch.Lines;
        PythonText.SplitLines(text, lines);
        int total = 0;
        foreach (var range in lines) total += SentenceCounter.Count(text.AsSpan(range));
        return total;
    }
}
