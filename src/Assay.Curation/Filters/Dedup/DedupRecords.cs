using System.Text.Json.Nodes;
using Assay.Core.Records;
using Assay.Curation.Dedup;

namespace Assay.Curation.Filters.Dedup;

/// <summary>Records as the dedup engines see them.</summary>
internal static class DedupRecords
{
    /// <summary>Id, text and the numeric <c>meta</c> field <paramref name="scoreKey"/> (0 when absent) for the highest-score keep rule.</summary>
    public static DedupDocument Document(Record r, string scoreKey) =>
        new(r.Id, r.Text, r.HasMeta && r.Meta.TryGetPropertyValue(scoreKey, out var node) && node is JsonValue v && v.TryGetValue<double>(out double s) ? s : 0);
}
