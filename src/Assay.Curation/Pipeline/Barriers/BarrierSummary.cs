namespace Assay.Curation.Pipeline.Barriers;

/// <summary>
/// A barrier in <c>stats.json</c>: records it decided on, decisions written, the reduce's method
/// figures (bands, candidate pairs...) and how many duplicate clusters had each size.
/// </summary>
public sealed record BarrierSummary(string Step, long Decisions, IReadOnlyDictionary<string, double> Details, SortedDictionary<int, long> ClusterSizes);
