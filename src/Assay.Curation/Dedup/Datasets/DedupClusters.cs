using System.Text.Json;
using Assay.Core.Datasets;
using Assay.Core.Records;

namespace Assay.Curation.Dedup;

/// <summary>
/// The duplicate clusters of a finished dedup run, rebuilt from its removed records'
/// <c>meta.duplicate_of</c>: a cluster is named after its kept record. <see cref="Write"/> makes
/// <c>clusters.jsonl</c> — one <c>{"id","cluster","kept"}</c> line per member of every cluster of size
/// ≥ 2, sorted by (cluster, kept first, id) so the file depends only on the decisions.
/// </summary>
public sealed class DedupClusters
{
    public const string FileName = "clusters.jsonl";

    /// <summary>Kept id → removed ids (ordinal order).</summary>
    public SortedDictionary<string, List<string>> Members { get; } = new(StringComparer.Ordinal);

    public static DedupClusters FromRemoved(string removedDir)
    {
        var clusters = new DedupClusters();
        if (!File.Exists(Path.Combine(removedDir, DatasetManifest.FileName))) return clusters;
        var input = DatasetInput.Resolve(removedDir);
        if (input.Shards.Count == 0) return clusters;
        foreach (var r in DatasetReader.Read(input, new ReadOptions { RequireText = false }))
            if (r.GetMetaString("duplicate_of") is { } keeper)
            {
                if (!clusters.Members.TryGetValue(keeper, out var list)) clusters.Members[keeper] = list = [];
                list.Add(r.Id);
            }
        foreach (var list in clusters.Members.Values) list.Sort(StringComparer.Ordinal);
        return clusters;
    }

    /// <summary>Cluster size (kept record included) → number of clusters.</summary>
    public SortedDictionary<int, long> Sizes()
    {
        var sizes = new SortedDictionary<int, long>();
        foreach (var list in Members.Values) sizes[list.Count + 1] = sizes.GetValueOrDefault(list.Count + 1) + 1;
        return sizes;
    }

    public void Write(string path)
    {
        using var w = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
        foreach (var (keeper, removed) in Members)
        {
            w.WriteLine(Line(keeper, keeper, true));
            foreach (var id in removed) w.WriteLine(Line(id, keeper, false));
        }
    }

    private static string Line(string id, string cluster, bool kept) =>
        JsonSerializer.Serialize(new { id, cluster, kept });
}
