namespace Assay.Curation.Filters.Quality;

public sealed record QualityClassifierOptions
{
    /// <summary>fastText model trained with `assay classifier train` on a positive and a negative dataset (required).</summary>
    public string Model { get; init; } = "";

    /// <summary>The label meaning "high quality" (with or without the __label__ prefix).</summary>
    public string PositiveLabel { get; init; } = "hq";

    /// <summary>Keep records whose positive-label probability is at least this (0.5: the classifier's own decision boundary).</summary>
    public double? Threshold { get; init; }

    /// <summary>
    /// Keep the top fraction by score instead (e.g. 0.1 as in DCLM's fastText filter, Li et al. 2024): the
    /// threshold is the (1 − fraction) quantile of the scores of <see cref="Calibration"/>, computed once.
    /// </summary>
    public double? TopFraction { get; init; }

    /// <summary>DATASET whose score distribution sets the top-fraction threshold (typically a sample of the input).</summary>
    public string? Calibration { get; init; }
}
