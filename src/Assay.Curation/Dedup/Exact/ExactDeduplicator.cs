using Assay.Core.Hashing;
using System.Runtime.InteropServices;

namespace Assay.Curation.Dedup;

/// <summary>
/// Exact document dedup: documents whose normalized text (see <see cref="NormalizedWords"/>)
/// is identical are one cluster; the keep rule picks the survivor. The key is 128 bits (xxHash64
/// under two seeds), so a false merge needs a 128-bit collision. Memory: one entry per distinct
/// document.
/// </summary>
public static class ExactDeduplicator
{
    public static IReadOnlyList<MinHashDecision> Run(IReadOnlyList<DedupDocument> documents, KeepRule keep = KeepRule.LowestId, CancellationToken ct = default)
    {
        var words = new NormalizedWords();
        var keys = new (ulong, ulong)[documents.Count];
        var best = new Dictionary<(ulong, ulong), int>();
        var table = new DocTable(
            documents.Select(d => d.Id).ToArray(),
            documents.Select(d => (long)d.Text.Length).ToArray(),
            documents.Select(d => d.Score).ToArray());
        for (int i = 0; i < documents.Count; i++)
        {
            if ((i & 1023) == 0)
                ct.ThrowIfCancellationRequested();
            words.Load(documents[i].Text);
            var key = Key(words.Bytes);
            keys[i] = key;
            ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(best, key, out bool exists);
            if (!exists || table.Prefer(i, slot, keep))
                slot = i;
        }
        var decisions = new MinHashDecision[documents.Count];
        for (int i = 0; i < documents.Count; i++)
        {
            int k = best[keys[i]];
            decisions[i] = k == i
                ? new MinHashDecision(documents[i].Id, true, null)
                : new MinHashDecision(documents[i].Id, false, documents[k].Id);
        }
        return decisions;
    }

    internal static (ulong, ulong) Key(ReadOnlySpan<byte> normalized) =>
        (XxHash64.Hash(normalized, 0), XxHash64.Hash(normalized, 0x9E3779B97F4A7C15UL));
}
