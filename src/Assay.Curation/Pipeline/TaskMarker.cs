using Assay.Core.IO;

namespace Assay.Curation.Pipeline;

/// <summary>
/// <c>.tasks/{task:D5}.done.json</c>: written after all of a task's outputs; its presence means the
/// task is finished and a rerun skips it. Holds the task's shards and counts for the merge.
/// </summary>
public sealed record TaskMarker
{
    public required string ConfigHash { get; init; }
    public required int Task { get; init; }
    public required int Tasks { get; init; }
    public required List<ShardInfo> Kept { get; init; }
    public required List<ShardInfo> Removed { get; init; }
    public required List<string> Quarantine { get; init; }
    public required TaskStats Stats { get; init; }
}
