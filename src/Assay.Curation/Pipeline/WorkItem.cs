using Assay.Core.IO;

namespace Assay.Curation.Pipeline;

/// <summary>One unit of reading: a whole shard, or a line-aligned byte range of a large uncompressed one.</summary>
public sealed record WorkItem(int Index, int Input, string Path, long Start, long End, long Bytes, string? Source)
{
    public ByteRange Range => new(Start, End);
    public bool Compressed => ShardFormat.CompressionOf(Path) != Compression.None;
}
