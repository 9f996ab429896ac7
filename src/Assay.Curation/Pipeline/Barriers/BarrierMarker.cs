namespace Assay.Curation.Pipeline.Barriers;

/// <summary>
/// Completion markers of a barrier's phases under <c>.stages/barrier-BB/.tasks/</c>, written after
/// the files they vouch for: <c>map-TTTTT.done.json</c> (records the map task read) and
/// <c>reduce.done.json</c> (decisions written and the reduce's result).
/// </summary>
public sealed record BarrierMarker
{
    public required string ConfigHash { get; init; }
    public required string Step { get; init; }
    public long Records { get; init; }
    public long Decisions { get; init; }
    public BarrierResult? Result { get; init; }
}
