namespace Assay.Curation.Dedup;

/// <summary>A document as the dedup engines see it: its id, its text and an optional quality score (for the keep rule).</summary>
public sealed record DedupDocument(string Id, string Text, double Score = 0);
