namespace Assay.Curation.Pipeline.Barriers;

/// <summary>
/// A barrier's rough cost for <c>--plan</c>, given the records and bytes expected to reach it:
/// CPU seconds of the map phase (all tasks together; the planner spreads them over the workers),
/// seconds of the single reduce, the reduce's RAM and the disk its work files take.
/// </summary>
public sealed record BarrierCost(double MapCpuSeconds, double ReduceSeconds, long ReduceRamBytes, long DiskBytes, string Note);
