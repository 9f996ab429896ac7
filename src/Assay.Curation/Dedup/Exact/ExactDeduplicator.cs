using System.Runtime.InteropServices;
using Assay.Core.Hashing;

namespace Assay.Curation.Dedup;

/// <summary>
/// Exact document dedup: documents whose normalized text (see <see cref="NormalizedWords"/>)
/// is identical are one cluster; the keep rule picks the survivor. The key is 128 bits (xxHash64
/// under two seeds), so a false merge needs a 128-bit collision. Memory: a 16-byte key, the id, length
/// and score per document; texts are not kept.
/// </summary>
public static class ExactDeduplicator
{
    /// <summary>Streams the documents once (texts are not kept); decisions come back in input order.</summary>
    public static IReadOnlyList<MinHashDecision> Run(IEnumerable<DedupDocument> documents, KeepRule keep = KeepRule.LowestId, CancellationToken ct = default) =>
        Run(documents, keep, null, null, ct);

    /// <summary>
    /// Incremental form: a record whose key is in <paramref name="against"/> is removed as a
    /// duplicate of the indexed id (the earlier corpus always wins, whatever the keep rule); the
    /// rest are deduplicated among themselves. With <paramref name="indexDir"/>, the keys of the
    /// records kept here are written there (<see cref="DedupIndexFiles"/>).
    /// </summary>
    public static IReadOnlyList<MinHashDecision> Run(IEnumerable<DedupDocument> documents, KeepRule keep, ExactIndex? against, string? indexDir, CancellationToken ct = default)
    {
        var words = new NormalizedWords();
        var keys = new List<(ulong, ulong)>();
        var ids = new List<string>();
        var lengths = new List<long>();
        var scores = new List<double>();
        foreach (var doc in documents)
        {
            if ((ids.Count & 1023) == 0)
                ct.ThrowIfCancellationRequested();
            words.Load(doc.Text);
            keys.Add(Key(words.Bytes));
            ids.Add(doc.Id);
            lengths.Add(doc.Text.Length);
            scores.Add(doc.Score);
        }
        return Decide(keys, new DocTable([.. ids], [.. lengths], [.. scores]), keep, against, indexDir);
    }

    /// <summary>
    /// One keeper per distinct key by the keep rule; decisions in document order. Keys found in
    /// <paramref name="against"/> are duplicates of the indexed id; <paramref name="indexDir"/> receives the kept keys.
    /// </summary>
    internal static MinHashDecision[] Decide(IReadOnlyList<(ulong, ulong)> keys, DocTable table, KeepRule keep,
        ExactIndex? against = null, string? indexDir = null)
    {
        var best = new Dictionary<(ulong, ulong), int>();
        for (int i = 0; i < keys.Count; i++)
        {
            if (against?.Find(keys[i]) is not null)
                continue;
            ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(best, keys[i], out bool exists);
            if (!exists || table.Prefer(i, slot, keep))
                slot = i;
        }
        var decisions = new MinHashDecision[keys.Count];
        for (int i = 0; i < keys.Count; i++)
        {
            if (against?.Find(keys[i]) is { } old)
            {
                decisions[i] = new MinHashDecision(table.Ids[i], false, old);
                continue;
            }
            int k = best[keys[i]];
            decisions[i] = k == i
                ? new MinHashDecision(table.Ids[i], true, null)
                : new MinHashDecision(table.Ids[i], false, table.Ids[k]);
        }
        if (indexDir is not null)
            ExactIndex.Write(indexDir, best.Select(e => (e.Key, table.Ids[e.Value])));
        return decisions;
    }

    internal static (ulong, ulong) Key(ReadOnlySpan<byte> normalized) =>
        (XxHash64.Hash(normalized, 0), XxHash64.Hash(normalized, 0x9E3779B97F4A7C15UL));
}
