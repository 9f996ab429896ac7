namespace Assay.Core.IO;

/// <summary>
/// Splits one uncompressed shard into byte ranges whose boundaries are line starts, so N tasks
/// can read one large file and together see every line exactly once.
/// </summary>
public static class ByteRangeSplitter
{
    public static IReadOnlyList<ByteRange> Split(string path, int parts)
    {
        if (parts < 1) throw new ArgumentOutOfRangeException(nameof(parts));
        if (ShardFormat.CompressionOf(path) != Compression.None)
            return [ByteRange.Whole]; // compressed streams cannot be entered mid-way
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        long len = fs.Length;
        var cuts = new List<long> { 0 };
        for (int i = 1; i < parts; i++)
        {
            long cut = NextLineStart(fs, len * i / parts);
            if (cut > cuts[^1] && cut < len) cuts.Add(cut);
        }
        cuts.Add(len);
        var ranges = new List<ByteRange>(cuts.Count - 1);
        for (int i = 0; i + 1 < cuts.Count; i++) ranges.Add(new ByteRange(cuts[i], cuts[i + 1]));
        return ranges;
    }

    /// <summary>The first line start at or after <paramref name="offset"/> (a line starts after '\n').</summary>
    public static long NextLineStart(Stream s, long offset)
    {
        if (offset == 0) return 0;
        s.Seek(offset - 1, SeekOrigin.Begin);
        Span<byte> buf = stackalloc byte[64 * 1024];
        long pos = offset - 1;
        while (true)
        {
            int n = s.Read(buf);
            if (n == 0) return s.Length;
            int nl = buf[..n].IndexOf((byte)'\n');
            if (nl >= 0) return pos + nl + 1;
            pos += n;
        }
    }

    /// <summary>Counts the lines before <paramref name="offset"/>: turns a range-relative line number into a file line number.</summary>
    public static long LinesBefore(string path, long offset)
    {
        if (offset <= 0) return 0;
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        var buf = new byte[1 << 20];
        long count = 0, remaining = offset;
        while (remaining > 0)
        {
            int n = fs.Read(buf, 0, (int)Math.Min(buf.Length, remaining));
            if (n == 0) break;
            count += buf.AsSpan(0, n).Count((byte)'\n');
            remaining -= n;
        }
        return count;
    }
}
