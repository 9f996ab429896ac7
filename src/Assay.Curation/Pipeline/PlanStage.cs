namespace Assay.Curation.Pipeline;

/// <summary>One stage of a planned run: estimated wall time, peak RAM and disk written.</summary>
public sealed record PlanStage(string Name, double WallSeconds, long RamBytes, long DiskBytes, string Note);
