namespace Assay.Curation.Dedup;

/// <summary>
/// Settings of MinHash-LSH near-duplicate detection. Defaults follow text-dedup / datatrove:
/// word 5-grams (datatrove <c>n_grams=5</c>), 128 permutations (text-dedup <c>num_perm=128</c>),
/// Jaccard threshold 0.8 (Lee et al. 2022 and datatrove both use ~0.8), bands × rows derived from
/// the threshold unless given.
/// </summary>
public sealed record MinHashOptions
{
    public int NumPerm { get; init; } = 128;

    public int NGram { get; init; } = 5;

    /// <summary>Seeds both the shingle hash (xxHash64 seed) and the permutations (SplitMix64).</summary>
    public ulong Seed { get; init; } = 42;

    public double Threshold { get; init; } = 0.8;

    /// <summary>Explicit banding; null derives it with <see cref="LshParameters.Optimal"/>.</summary>
    public LshParameters? Bands { get; init; }

    /// <summary>Check each candidate pair's true shingle Jaccard against <see cref="Threshold"/> before merging (needs the texts again).</summary>
    public bool Verify { get; init; }

    public KeepRule Keep { get; init; } = KeepRule.LowestId;

    /// <summary>Bucket entries held in memory before a sorted run spills to disk (16 bytes each; 4 Mi ≈ 64 MiB).</summary>
    public int MaxEntriesInMemory { get; init; } = 4 << 20;

    public LshParameters ResolveBands()
    {
        Validate();
        var p = Bands ?? LshParameters.Optimal(Threshold, NumPerm);
        p.Validate(NumPerm);
        return p;
    }

    public void Validate()
    {
        if (NumPerm <= 0 || NumPerm % 8 != 0)
            throw new ArgumentException($"num_perm must be a positive multiple of 8, got {NumPerm}.");
        if (NGram <= 0)
            throw new ArgumentException($"n-gram size must be positive, got {NGram}.");
        if (Threshold is <= 0 or >= 1)
            throw new ArgumentException($"threshold must be in (0, 1), got {Threshold}.");
        if (MaxEntriesInMemory < 16)
            throw new ArgumentException($"max entries in memory must be at least 16, got {MaxEntriesInMemory}.");
    }
}
