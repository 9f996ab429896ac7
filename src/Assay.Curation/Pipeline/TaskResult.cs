namespace Assay.Curation.Pipeline;

/// <summary>What running one task did: its marker, and whether it was already done (skipped) or resumed from a chunk.</summary>
public sealed record TaskResult(TaskMarker Marker, bool Skipped, int ResumedChunks);
