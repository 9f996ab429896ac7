using System.Text.Json.Nodes;

namespace Assay.Curation.Pipeline.Barriers;

/// <summary>
/// A barrier's verdict on one record, applied by the next stage: remove it (<see cref="Remove"/> is
/// the reason, <see cref="DuplicateOf"/> the kept record for dedup), replace its text, and/or merge
/// fields into its <c>meta</c>. A record with no decision passes unchanged.
/// </summary>
public sealed record BarrierDecision(string Id)
{
    public string? Remove { get; init; }
    public string? DuplicateOf { get; init; }
    public string? Text { get; init; }
    public JsonObject? Meta { get; init; }
}
