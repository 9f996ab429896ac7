namespace Assay.Core.IO;

/// <summary>A line-aligned byte range [Start, End) of an uncompressed shard.</summary>
public readonly record struct ByteRange(long Start, long End)
{
    public long Length => End - Start;
    public static ByteRange Whole => new(0, long.MaxValue);
    public bool IsWhole => Start == 0 && End == long.MaxValue;
}
