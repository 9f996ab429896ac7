namespace Assay.Curation.Pipeline.Barriers;

/// <summary>
/// What a barrier's reduce reports beyond its decisions: text changes (rewriting dedup counts them
/// here, as a rewrite step would) and method figures (bands, candidate pairs...) for stats.json.
/// </summary>
public sealed record BarrierResult
{
    public long ChangedRecords { get; init; }
    public long ChangedChars { get; init; }
    public SortedDictionary<string, double> Details { get; init; } = new(StringComparer.Ordinal);
}
