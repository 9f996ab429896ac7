namespace Assay.Curation.Pipeline;

/// <summary>
/// <c>.tasks/run.json</c>: which config and split an output folder's markers belong to. Markers of
/// another config or task count must never be mixed in, so a mismatch is an error.
/// </summary>
public sealed record RunFingerprint(string ConfigHash, int Tasks, int Items, long InputBytes);
