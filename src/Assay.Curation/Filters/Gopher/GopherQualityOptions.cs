namespace Assay.Curation.Filters.Gopher;

/// <summary>
/// Thresholds of Gopher's quality rules. Defaults: Rae et al. 2021 appendix A.1.1, as datatrove's
/// <c>GopherQualityFilter.__init__</c> defaults. A null threshold disables its rule (datatrove: None).
/// </summary>
public sealed record GopherQualityOptions
{
    public int? MinDocWords { get; init; } = 50;            // datatrove min_doc_words=50 (paper: 50 words)
    public int? MaxDocWords { get; init; } = 100_000;       // datatrove max_doc_words=100000 (paper: 100,000)
    public double? MinAvgWordLength { get; init; } = 3;     // datatrove min_avg_word_length=3 (paper: 3 chars)
    public double? MaxAvgWordLength { get; init; } = 10;    // datatrove max_avg_word_length=10 (paper: 10 chars)
    public double? MaxSymbolWordRatio { get; init; } = 0.1; // datatrove max_symbol_word_ratio=0.1, for '#' and ellipsis separately
    public double? MaxBulletLinesRatio { get; init; } = 0.9;   // datatrove max_bullet_lines_ratio=0.9 (paper: 90%)
    public double? MaxEllipsisLinesRatio { get; init; } = 0.3; // datatrove max_ellipsis_lines_ratio=0.3 (paper: 30%)
    public double? MaxNonAlphaWordsRatio { get; init; } = 0.8; // datatrove max_non_alpha_words_ratio=0.8: at least 80% words with a letter
    public int? MinStopWords { get; init; } = 2;            // datatrove min_stop_words=2 (paper: at least two stop words)
    public IReadOnlyList<string>? StopWords { get; init; }  // null: datatrove STOP_WORDS (the be to of and that have with)
}
