using Assay.Core.Records;
using Assay.Curation.Steps;

namespace Assay.Curation.Filters.Blocklists;

/// <summary>Removes records with more than <c>max_matches</c> whole-word occurrences of listed words or phrases.</summary>
[StepName(Name, typeof(WordBlocklistOptions), Description = "Word blocklist: whole-word, case-insensitive matches of listed words or phrases")]
public sealed class WordBlocklistFilter(WordBlocklistOptions options) : FilterStep
{
    public const string Name = "word_blocklist_v1";

    private WordListMatcher? _matcher;

    public override void Initialize(StepContext context)
    {
        var all = options.Words.AsEnumerable();
        if (options.WordsFile is { } file)
            all = all.Concat(WordListMatcher.ReadListFile(WordListMatcher.Resolve(file, context.BaseDirectory)));
        _matcher = new WordListMatcher(all);
    }

    public override Verdict Judge(Record record)
    {
        var matcher = _matcher ?? throw new InvalidOperationException($"{Name}: Initialize was not called.");
        int matches = matcher.CountMatches(record.Text);
        Signals.Set(record, "word_blocklist", "matches", matches);
        return matches > options.MaxMatches ? Verdict.Remove("word_blocklist:matches") : Verdict.Kept;
    }
}
