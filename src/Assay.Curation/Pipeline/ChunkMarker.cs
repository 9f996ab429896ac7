using Assay.Core.IO;

namespace Assay.Curation.Pipeline;

/// <summary>
/// Written after a chunk's parts are renamed into place: what the chunk wrote, its counts, and
/// where reading stopped, so a restarted task resumes right after it.
/// </summary>
public sealed record ChunkMarker
{
    public required string ConfigHash { get; init; }
    public required int Task { get; init; }
    public required int Tasks { get; init; }
    public required int Chunk { get; init; }
    public required ReadPosition End { get; init; }
    public ShardInfo? Kept { get; init; }
    public ShardInfo? Removed { get; init; }
    public string? Quarantine { get; init; }
    public required TaskStats Stats { get; init; }
}
