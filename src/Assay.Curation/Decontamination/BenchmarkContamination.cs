namespace Assay.Curation.Decontamination;

/// <summary>The result for one benchmark (what <c>contamination.json</c> holds per benchmark).</summary>
public sealed record BenchmarkContamination(string Benchmark, int Items, int ItemsFound, int Dirty, int Partial, int Clean, IReadOnlyList<ItemContamination> Details)
{
    public double FoundFraction => Items == 0 ? 0 : ItemsFound / (double)Items;
}
