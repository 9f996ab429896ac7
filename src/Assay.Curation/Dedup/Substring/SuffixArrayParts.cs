using System.Runtime.InteropServices;

namespace Assay.Curation.Dedup;

/// <summary>
/// Splits the corpus into parts at document boundaries and writes each part's suffix array (SA-IS
/// over the raw bytes, 32-bit offsets within the part) to its own file. Parts are independent
/// tasks: <c>workers</c> of them build at once, each holding only its own part.
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

    public static string PartPath(string dir, int part) => Path.Combine(dir, $"part-{part:D5}.sa");

    public static void Build(SubstringCorpus corpus, IReadOnlyList<(long Start, int Length)> parts, string dir, int workers, CancellationToken ct)
    {
        Parallel.For(0, parts.Count, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = ct }, p =>
        {
            var (start, length) = parts[p];
            int[] sa = SuffixArray.Build(corpus.Slice(start, length));
            string path = PartPath(dir, p);
            using (var f = new FileStream(path + ".tmp", FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
                f.Write(MemoryMarshal.AsBytes(sa.AsSpan()));
            File.Move(path + ".tmp", path, overwrite: true);
            // A part's arrays are ~20 bytes per byte of large-object garbage; left to the GC's own
            // pacing, several parts' worth stayed committed (4 GB RSS for 1 GB of budget, 200 MB
            // input). Collecting and decommitting after each part keeps the peak near the budget.
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        });
    }
}
