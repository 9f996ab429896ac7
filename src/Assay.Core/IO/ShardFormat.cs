using System.IO.Compression;

namespace Assay.Core.IO;

public enum Compression { None, Gzip, Zstd }

/// <summary>Shard file names and how to open them: <c>*.jsonl</c>, <c>*.jsonl.gz</c>, <c>*.jsonl.zst</c>.</summary>
public static class ShardFormat
{
    public static bool IsShard(string path) =>
        path.EndsWith(".jsonl", StringComparison.Ordinal) || path.EndsWith(".jsonl.gz", StringComparison.Ordinal)
        || path.EndsWith(".jsonl.zst", StringComparison.Ordinal);

    public static Compression CompressionOf(string path) =>
        path.EndsWith(".gz", StringComparison.Ordinal) ? Compression.Gzip
        : path.EndsWith(".zst", StringComparison.Ordinal) ? Compression.Zstd
        : Compression.None;

    public static string Extension(Compression c) => c switch
    {
        Compression.Gzip => ".jsonl.gz",
        Compression.Zstd => ".jsonl.zst",
        _ => ".jsonl",
    };

    public static Compression Parse(string name) => name.ToLowerInvariant() switch
    {
        "none" or "" or "jsonl" => Compression.None,
        "gz" or "gzip" => Compression.Gzip,
        "zst" or "zstd" => Compression.Zstd,
        _ => throw new ArgumentException($"unknown compression '{name}' (use none, gzip or zstd)"),
    };

    /// <summary>Opens a decompressing read stream over <paramref name="raw"/> by the file name's extension.</summary>
    public static Stream OpenDecompressed(Stream raw, string path) => CompressionOf(path) switch
    {
        Compression.Gzip => new GzipDecompressStream(raw),
        Compression.Zstd => new ZstdDecompressStream(raw),
        _ => raw,
    };

    public static Stream OpenCompressed(Stream raw, Compression c) => c switch
    {
        Compression.Gzip => new GZipStream(raw, CompressionLevel.Fastest),
        Compression.Zstd => new ZstdCompressStream(raw),
        _ => raw,
    };
}
