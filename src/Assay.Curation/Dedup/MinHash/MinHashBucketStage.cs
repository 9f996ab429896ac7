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
        ulong[] sig = new ulong[options.NumPerm];
        int rows = bands.Rows;
        int docs = 0;
        foreach (var (sigPath, _) in MinHashFiles.Parts(workDir))
        {
            using var reader = new StageFileReader(sigPath, MinHashFiles.SignaturesMagic, MinHashFiles.Version);
            int numPerm = reader.ReadInt32();
            ulong seed = reader.ReadUInt64();
            int ngram = reader.ReadInt32();
            if (numPerm != options.NumPerm || seed != options.Seed || ngram != options.NGram)
                throw new InvalidDataException($"{reader.Path}: signatures were made with num_perm={numPerm}, seed={seed}, ngram={ngram} but this run asks for num_perm={options.NumPerm}, seed={options.Seed}, ngram={options.NGram}; rerun the signature stage.");
            long bytesPerDoc = 8L * numPerm;
            if ((reader.PayloadLength - 16) % bytesPerDoc != 0)
                throw new InvalidDataException($"{reader.Path}: payload is not a whole number of signatures.");
            int partDocs = checked((int)((reader.PayloadLength - 16) / bytesPerDoc));
            for (int local = 0; local < partDocs; local++, docs++)
            {
                if ((docs & 1023) == 0)
                    ct.ThrowIfCancellationRequested();
                reader.ReadUInt64s(sig);
                if (sig.AsSpan().IndexOfAnyExcept(ulong.MaxValue) < 0)
                    continue;
                for (int b = 0; b < bands.Bands; b++)
                {
                    ulong key = XxHash64.Hash(MemoryMarshal.AsBytes(sig.AsSpan(b * rows, rows)), (ulong)b);
                    sorter.Add(new BucketEntry(key, b, docs));
                }
            }
            reader.VerifyEnd();
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
}
