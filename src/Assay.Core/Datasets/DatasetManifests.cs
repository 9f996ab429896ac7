using Assay.Core.IO;

namespace Assay.Core.Datasets;

/// <summary>Builds manifests from completed shards (one writer, or the markers of many tasks).</summary>
public static class DatasetManifests
{
    public static DatasetManifest Build(string name, IReadOnlyList<ShardInfo> shards,
        IReadOnlyDictionary<string, SourceEntry>? sourceInfo = null, Lineage? lineage = null, string? description = null)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var s in shards)
            foreach (var (src, n) in s.Sources) counts[src] = counts.GetValueOrDefault(src) + n;
        var sources = counts.Select(kv =>
        {
            var info = sourceInfo is not null && sourceInfo.TryGetValue(kv.Key, out var i) ? i : new SourceEntry { Name = kv.Key };
            return info with { Name = kv.Key, Records = kv.Value };
        }).ToList();
        return new DatasetManifest
        {
            Name = name,
            Description = description,
            Records = shards.Sum(s => s.Records),
            Bytes = shards.Sum(s => s.Bytes),
            UncompressedBytes = shards.Sum(s => s.UncompressedBytes),
            Shards = shards.Select(s => new ShardEntry(s.Path, s.Records, s.Bytes, s.Sha256)).ToList(),
            Sources = sources,
            Lineage = lineage,
        };
    }
}
