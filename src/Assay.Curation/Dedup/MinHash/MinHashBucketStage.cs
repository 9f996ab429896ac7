using System.Runtime.InteropServices;
using Assay.Core.Hashing;

namespace Assay.Curation.Dedup;

/// <summary>
/// Stage 2: for every band, a bucket key = xxHash64 (seed = band) of the band's rows; documents
/// sharing a key in any band are candidates. Entries are sorted externally by (band, key, doc);
/// each bucket emits (first, other) pairs — a star around its lowest document index, as datatrove
/// does — written to <c>pairs.bin</c>. Documents with no shingles (empty text) are not bucketed:
/// their all-ones signatures would match each other; exact dedup handles them.
/// </summary>
public static class MinHashBucketStage
{
    public static long Run(string workDir, MinHashOptions options, CancellationToken ct = default)
    {
        var bands = options.ResolveBands();
        using var sorter = new ExternalBucketSorter(workDir, options.MaxEntriesInMemory);
        int rows = bands.Rows;
        int docs = 0;
        foreach (var (doc, sig) in MinHashFiles.ReadSignatures(workDir, options, ct))
        {
            docs = doc + 1;
            if (sig.AsSpan().IndexOfAnyExcept(ulong.MaxValue) < 0)
                continue;
            for (int b = 0; b < bands.Bands; b++)
                sorter.Add(new BucketEntry(BandKey(sig, b, rows), b, doc));
        }

        using var pairs = new StageFileWriter(Path.Combine(workDir, MinHashFiles.Pairs), MinHashFiles.PairsMagic, MinHashFiles.Version);
        pairs.WriteInt32(docs);
        long written = 0;
        BucketEntry first = default;
        bool have = false;
        foreach (var e in sorter.Sorted())
        {
            if (have && e.SameBucket(first))
            {
                pairs.WriteInt32(first.Doc);
                pairs.WriteInt32(e.Doc);
                written++;
            }
            else
            {
                first = e;
                have = true;
            }
        }
        pairs.Complete();
        return written;
    }

    /// <summary>The bucket key of band <paramref name="band"/>: xxHash64 of its rows, seeded with the band index.</summary>
    internal static ulong BandKey(ReadOnlySpan<ulong> signature, int band, int rows) =>
        XxHash64.Hash(MemoryMarshal.AsBytes(signature.Slice(band * rows, rows)), (ulong)band);
}
