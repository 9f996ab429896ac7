namespace Assay.Curation.Filters.C4;

/// <summary>Document rules of C4 (Raffel et al. 2020, §2.2) with datatrove's defaults.</summary>
public sealed record C4QualityOptions
{
    public int MinNumSentences { get; init; } = 5;          // datatrove min_num_sentences=5 (paper: at least 5 sentences); -1 disables
    public bool FilterLoremIpsum { get; init; } = true;     // datatrove filter_lorem_ipsum=True (paper: "lorem ipsum")
    public bool FilterCurlyBracket { get; init; } = true;   // datatrove filter_curly_bracket=True (paper: pages with '{')
    public bool FilterBadWords { get; init; } = true;       // C4 paper removed pages with LDNOOBW words (datatrove: separate C4BadWordsFilter, keep_fraction=0)
    /// <summary>One word or phrase a line; relative paths resolve against the pipeline folder. Null: the built-in short list.</summary>
    public string? BadWordsFile { get; init; }
}
