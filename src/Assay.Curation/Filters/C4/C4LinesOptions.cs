namespace Assay.Curation.Filters.C4;

/// <summary>
/// Line rules of C4 (Raffel et al. 2020, §2.2) with datatrove's <c>C4QualityFilter</c> defaults.
/// Note FineWeb's own recipe ran C4 with <c>filter_no_terminal_punct=False</c>.
/// </summary>
public sealed record C4LinesOptions
{
    public bool RemoveCitations { get; init; } = true;       // datatrove remove_citations=True: drops [1], [edit], [citation needed]
    public bool FilterNoTerminalPunct { get; init; } = true; // datatrove filter_no_terminal_punct=True (paper: lines ending in . ! ? ")
    public int MinWordsPerLine { get; init; } = 3;           // datatrove min_words_per_line=3 (paper: at least 3 words); -1 disables
    public int MaxWordLength { get; init; } = 1000;          // datatrove max_word_length=1000 (tfds c4_utils); -1 disables
    public bool FilterJavascript { get; init; } = true;      // datatrove filter_javascript=True (paper: lines with "javascript")
    public bool FilterPolicy { get; init; } = true;          // datatrove filter_policy=True (tfds c4_utils policy substrings)
}
