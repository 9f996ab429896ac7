using System.Runtime.InteropServices;

namespace Assay.Curation.Dedup;

/// <summary>
/// Splits the corpus into parts at document boundaries and writes each part's suffix array (SA-IS
/// over the raw bytes, 32-bit offsets within the part) to its own file. Parts are independent
/// tasks: <c>workers</c> of them build at once, each holding only its own part. Beside each array
/// goes its LCP file: for every suffix but the first, the common prefix with the previous one as
/// merge keys (<see cref="SubstringCorpus.KeyLcp"/>) capped at <see cref="LcpCap"/>, and in the top bit
/// whether the suffix's own key holds a terminator (<see cref="KeyEnds"/>), so the merge decides a
/// part's next suffix against the one it just output, and whether it repeats, without the text.
/// </summary>
internal static class SuffixArrayParts
{
    /// <summary>Byte ranges of the parts: whole documents, at most <paramref name="partBytes"/> unless one document alone is larger.</summary>
    public static List<(long Start, int Length)> Plan(long[] starts, long partBytes)
    {
        var parts = new List<(long, int)>();
        long begin = 0;
        for (int d = 1; d < starts.Length; d++)
        {
            if (starts[d] - begin > partBytes && starts[d - 1] > begin)
            {
                parts.Add((begin, checked((int)(starts[d - 1] - begin))));
                begin = starts[d - 1];
            }
        }
        if (starts[^1] > begin)
            parts.Add((begin, checked((int)(starts[^1] - begin))));
        return parts;
    }

    /// <summary>"ASYLCP", version 1, then the cap as a little-endian int32, then one byte per suffix.</summary>
    public const ulong LcpMagic = 0x01_00_50_43_4C_59_53_41; // "ASYLCP\0\x01" little-endian
    public const int LcpHeaderBytes = 12;

    public static string PartPath(string dir, int part) => Path.Combine(dir, $"part-{part:D5}.sa");

    public static string LcpPath(string dir, int part) => Path.Combine(dir, $"part-{part:D5}.lcp");

    /// <summary>Bytes a merge key holds for minimum repeat length k: k = 1 also needs 2-byte repeats (<see cref="SuffixArrayMerge"/>).</summary>
    public static int KeyBytes(int k) => k == 1 ? 2 : k;

    /// <summary>Largest LCP an LCP file stores; a stored cap means "at least the cap" when the key is longer.</summary>
    public static int LcpCap(int k) => Math.Min(KeyBytes(k), sbyte.MaxValue);

    /// <summary>Bit of an LCP byte set when the suffix's first key bytes hold a terminator.</summary>
    public const byte KeyEnds = 0x80;

    /// <summary>Exposes part <paramref name="from"/> of <paramref name="fromDir"/> as part <paramref name="to"/> of <paramref name="toDir"/> (symbolic links to both files).</summary>
    public static void Link(string fromDir, int from, string toDir, int to)
    {
        File.CreateSymbolicLink(PartPath(toDir, to), PartPath(fromDir, from));
        File.CreateSymbolicLink(LcpPath(toDir, to), LcpPath(fromDir, from));
    }

    public static void Delete(string dir, int part)
    {
        File.Delete(PartPath(dir, part));
        File.Delete(LcpPath(dir, part));
    }

    /// <param name="k">Minimum repeat length of the merge that reads the parts (fixes the LCP files' cap).</param>
    public static void Build(SubstringCorpus corpus, IReadOnlyList<(long Start, int Length)> parts, string dir, int k, int workers, CancellationToken ct)
    {
        Parallel.For(0, parts.Count, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = ct }, p =>
        {
            var (start, length) = parts[p];
            int[] sa = SuffixArray.Build(corpus.Slice(start, length));
            string path = PartPath(dir, p);
            using (var f = new FileStream(path + ".tmp", FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
                f.Write(MemoryMarshal.AsBytes(sa.AsSpan()));
            File.Move(path + ".tmp", path, overwrite: true);
            WriteLcp(corpus, start, sa, k, LcpPath(dir, p));
            // A part's arrays are ~20 bytes per byte of large-object garbage; left to the GC's own
            // pacing, several parts' worth stayed committed (4 GB RSS for 1 GB of budget, 200 MB
            // input). Collecting and decommitting after each part keeps the peak near the budget.
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        });
    }

    // lcp[r] = common key prefix of suffixes sa[r − 1] and sa[r], capped; lcp[0] = 0. Neighbours in a
    // sorted array share most of their bytes, so the direct comparison reads little beyond the
    // previous suffix's cache lines, and it needs no rank array (Kasai's would add 4 bytes per byte).
    private const int PrefetchAhead = 8;

    private static void WriteLcp(SubstringCorpus corpus, long start, int[] sa, int k, string path)
    {
        int cap = LcpCap(k), key = KeyBytes(k);
        using (var f = new FileStream(path + ".tmp", FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            Span<byte> header = stackalloc byte[LcpHeaderBytes];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(header, LcpMagic);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(header[8..], cap);
            f.Write(header);
            for (int r = 0; r < sa.Length; r++)
            {
                if (r + PrefetchAhead < sa.Length)
                    corpus.Prefetch(start + sa[r + PrefetchAhead], key);
                long pos = start + sa[r];
                int common = r == 0 ? 0 : corpus.KeyLcp(start + sa[r - 1], pos, 0, cap, out _);
                bool ends = corpus.Slice(pos, (int)Math.Min(key, corpus.Length - pos)).Contains(SubstringCorpus.Terminator);
                f.WriteByte((byte)(common | (ends ? KeyEnds : 0)));
            }
        }
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
