namespace Assay.Curation.Filters.Perplexity;

public sealed record PerplexityOptions
{
    /// <summary>ARPA n-gram model trained on a reference corpus with `assay ngram train` (required); CCNet used Wikipedia (Wenzek et al. 2020).</summary>
    public string Model { get; init; } = "";

    /// <summary>Keep records with perplexity at most this. Give this, or buckets to keep.</summary>
    public double? MaxPerplexity { get; init; }

    /// <summary>CCNet-style buckets to keep (head, middle, tail): head = the lowest third of perplexities, tail = the highest.</summary>
    public IReadOnlyList<string>? Keep { get; init; }

    /// <summary>Bucket cutoffs [head/middle, middle/tail]; default: the 33.3rd and 66.7th percentiles of <see cref="Calibration"/> (CCNet's tertiles).</summary>
    public IReadOnlyList<double>? Cutoffs { get; init; }

    /// <summary>DATASET whose perplexity percentiles set the cutoffs when none are given.</summary>
    public string? Calibration { get; init; }
}
