namespace Assay.Curation.Dedup;

/// <summary>
/// SemDeDup (Abbas et al. 2023, "SemDeDup: Data-efficient learning at web-scale through semantic
/// deduplication") settings. Eps is the paper's ε: within a k-means cluster a point is removed when
/// its cosine similarity to an already kept point exceeds 1 − ε (the paper sweeps ε from 0.005 to
/// 0.3; 0.07 is a mid value we default to). Members are visited farthest-from-centroid first, the
/// paper's default "hard" keep order, ties by id.
/// </summary>
public sealed record SemDedupOptions
{
    public int Clusters { get; init; } = 100;

    public double Eps { get; init; } = 0.07;

    public int MaxIterations { get; init; } = 50;

    public int Seed { get; init; } = 42;

    public void Validate()
    {
        if (Clusters < 1)
            throw new ArgumentException($"clusters must be at least 1, got {Clusters}.");
        if (Eps is < 0 or > 2)
            throw new ArgumentException($"eps must be in [0, 2], got {Eps}.");
        if (MaxIterations < 1)
            throw new ArgumentException($"max iterations must be at least 1, got {MaxIterations}.");
    }
}
