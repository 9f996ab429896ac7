using Assay.Curation.Pipeline.Barriers;

namespace Assay.Curation.Filters.Dedup;

/// <summary>
/// The canonical order of a stage's records for "keep the first occurrence" rules (lines, substring): by
/// record id in ordinal order, the default keep rule of the cluster methods. The order the stage is read in
/// depends on how it was split into tasks; this one does not, so the result is the same for any task count.
/// </summary>
internal static class StageOrder
{
    /// <summary>Rank of each record, by its index in <see cref="BarrierInput.ReadAll"/> order (ties — duplicate ids — by that index).</summary>
    public static int[] IdRanks(BarrierInput input, CancellationToken ct)
    {
        var ids = new List<string>();
        foreach (var (_, r) in input.ReadAll())
        {
            if ((ids.Count & 4095) == 0) ct.ThrowIfCancellationRequested();
            ids.Add(r.Id);
        }
        return IdRanks(ids);
    }

    /// <summary>Rank of each id by ordinal order (ties by position).</summary>
    public static int[] IdRanks(IReadOnlyList<string> ids)
    {
        var order = Enumerable.Range(0, ids.Count).ToArray();
        Array.Sort(order, (a, b) => string.CompareOrdinal(ids[a], ids[b]) is var c && c != 0 ? c : a.CompareTo(b));
        var rank = new int[ids.Count];
        for (int i = 0; i < order.Length; i++) rank[order[i]] = i;
        return rank;
    }
}
