namespace Assay.Core.IO;

/// <summary>What a completed shard holds: its file name (relative to the dataset), counts and checksum.</summary>
public sealed record ShardInfo(string Path, long Records, long Bytes, long UncompressedBytes, string Sha256)
{
    /// <summary>Records per source name (absent source counted under "").</summary>
    public SortedDictionary<string, long> Sources { get; init; } = new(StringComparer.Ordinal);
}
