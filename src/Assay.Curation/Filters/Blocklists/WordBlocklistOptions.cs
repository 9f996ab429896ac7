namespace Assay.Curation.Filters.Blocklists;

/// <summary>Whole-word, case-insensitive word/phrase blocklist. No published defaults: the list is the user's.</summary>
public sealed record WordBlocklistOptions
{
    /// <summary>One word or phrase a line ('#' comments); relative paths resolve against the pipeline folder.</summary>
    public string? WordsFile { get; init; }
    /// <summary>Inline entries, added to the file's.</summary>
    public IReadOnlyList<string> Words { get; init; } = [];
    public int MaxMatches { get; init; }                  // 0: any occurrence removes (as C4's bad-words rule)
}
