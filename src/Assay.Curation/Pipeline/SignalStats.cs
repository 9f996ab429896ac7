namespace Assay.Curation.Pipeline;

/// <summary>A signal before filtering (all records that carry it) and after (kept records). The raw sample is kept for charts, not serialized.</summary>
public sealed record SignalStats(SignalSummary? Before, SignalSummary? After)
{
    [System.Text.Json.Serialization.JsonIgnore] public SignalSample? Sample { get; init; }
}
