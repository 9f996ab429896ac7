using System.Text.Json.Nodes;
using Assay.Core.Datasets;
using Assay.Core.Records;

namespace Assay.Curation.Dedup;

/// <summary>
/// Duplicate clusters, each named after its kept record: from a finished dedup run's removed records'
/// <c>meta.duplicate_of</c> (<see cref="FromRemoved"/>) or added as decided (<see cref="Add"/>, the
/// pipeline's barriers). <see cref="Write"/> makes <c>clusters.jsonl</c> — one <c>{"id","cluster","kept"}</c>
/// line (plus <c>"step"</c> in pipelines) per member of every cluster of size ≥ 2, sorted by (cluster, kept
/// first, id) so the file depends only on the decisions, not on how the input was split.
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
                clusters.Add(keeper, r.Id);
        return clusters;
    }

    public void Add(string keeper, string removed)
    {
        if (!Members.TryGetValue(keeper, out var list)) Members[keeper] = list = [];
        list.Add(removed);
    }

    /// <summary>Cluster size (kept record included) → number of clusters.</summary>
    public SortedDictionary<int, long> Sizes()
    {
        var sizes = new SortedDictionary<int, long>();
        foreach (var list in Members.Values) sizes[list.Count + 1] = sizes.GetValueOrDefault(list.Count + 1) + 1;
        return sizes;
    }

    public void Write(string path, string? step = null)
    {
        using var w = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
        w.NewLine = "\n";
        foreach (var (keeper, removed) in Members)
        {
            removed.Sort(StringComparer.Ordinal);
            w.WriteLine(Line(keeper, keeper, true, step));
            foreach (var id in removed) w.WriteLine(Line(id, keeper, false, step));
        }
    }

    private static string Line(string id, string cluster, bool kept, string? step)
    {
        var line = new JsonObject { ["id"] = id, ["cluster"] = cluster, ["kept"] = kept };
        if (step is not null) line["step"] = step;
        return line.ToJsonString();
    }
}
