namespace Assay.Curation.Filters.FineWeb;

/// <summary>FineWeb custom filters (Penedo et al. 2024, §3.5) with datatrove FineWebQualityFilter defaults.</summary>
public sealed record FineWebQualityOptions
{
    public double LinePunctThr { get; init; } = 0.12;       // datatrove line_punct_thr=0.12: remove if ratio <= 0.12
    public bool LinePunctExcludeZero { get; init; }         // datatrove line_punct_exclude_zero=False
    public double ShortLineThr { get; init; } = 0.67;       // datatrove short_line_thr=0.67: remove if ratio >= 0.67
    public int ShortLineLength { get; init; } = 30;         // datatrove short_line_length=30 (line of <= 30 chars is short)
    // FineWeb paper §3.5: "fraction of characters in duplicated lines ≥ 0.1". datatrove's code default is
    // char_duplicates_ratio=0.01 (what a default-configured FineWebQualityFilter runs); we follow the paper.
    public double CharDuplicatesRatio { get; init; } = 0.1;
    public double NewLineRatio { get; init; } = 0.3;        // datatrove new_line_ratio=0.3: remove if '\n'/words > 0.3
}
