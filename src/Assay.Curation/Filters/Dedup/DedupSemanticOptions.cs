using Assay.Curation.Dedup;

namespace Assay.Curation.Filters.Dedup;

/// <summary>SemDeDup (Abbas et al. 2023) over the records' <c>features</c> embeddings, as <c>assay dedup --method semantic</c>; defaults are <see cref="SemDedupOptions"/>'s.</summary>
public sealed record DedupSemanticOptions
{
    public int Clusters { get; init; } = new SemDedupOptions().Clusters;
    public double Eps { get; init; } = new SemDedupOptions().Eps;
    public int MaxIterations { get; init; } = new SemDedupOptions().MaxIterations;
    public int Seed { get; init; } = new SemDedupOptions().Seed;

    public SemDedupOptions Engine() => new() { Clusters = Clusters, Eps = Eps, MaxIterations = MaxIterations, Seed = Seed };
}
