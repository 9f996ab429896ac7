namespace Assay.Text.Embeddings;

/// <summary>Settings for training a <see cref="HashedTfidfSvdEmbedder"/>; validated when training starts.</summary>
public sealed record TfidfSvdOptions
{
    /// <summary>Output dimensions d (256: LSA's usual 100–300 range, Deerwester et al. 1990; Landauer &amp; Dumais 1997).</summary>
    public int Dimensions { get; init; } = 256;

    /// <summary>log2 of the hashed feature space (2^20 buckets, the hashing-trick size of Weinberger et al. 2009 / Vowpal Wabbit's default 18–20 bits).</summary>
    public int BucketBits { get; init; } = 20;

    /// <summary>Features in fewer training documents are dropped (scikit-learn's min_df): they cannot shape the subspace and would only cost memory.</summary>
    public int MinDocumentFrequency { get; init; } = 2;

    /// <summary>Extra random directions beyond d (Halko et al. 2011 §4.2 recommend p = 10).</summary>
    public int Oversampling { get; init; } = 10;

    /// <summary>
    /// Keep at most this many features, the most frequent by document frequency (scikit-learn's
    /// max_features); null keeps all. The table is features × d bytes, and embedding speed depends on it
    /// fitting in the last-level cache (bench/results/text-lm.md).
    /// </summary>
    public int? MaxFeatures { get; init; }

    /// <summary>Power iterations q (Halko et al. 2011 §4.5: 1–3 suffice for slowly decaying spectra such as text).</summary>
    public int PowerIterations { get; init; } = 2;

    /// <summary>Training reads at most this many documents (the first ones).</summary>
    public int MaxTrainingDocuments { get; init; } = 20_000;

    public ulong Seed { get; init; }

    public void Validate()
    {
        if (Dimensions is < 1 or > 4096) throw new ArgumentException($"dimensions must be 1..4096, got {Dimensions}");
        if (BucketBits is < 8 or > 24) throw new ArgumentException($"bucket bits must be 8..24, got {BucketBits}");
        if (MinDocumentFrequency < 1) throw new ArgumentException("min document frequency must be at least 1");
        if (Oversampling < 0 || PowerIterations is < 0 or > 10) throw new ArgumentException("oversampling must be ≥ 0 and power iterations 0..10");
        if (MaxFeatures is < 1) throw new ArgumentException("max features must be at least 1");
        if (MaxTrainingDocuments < 2) throw new ArgumentException("at least 2 training documents are needed");
    }
}
