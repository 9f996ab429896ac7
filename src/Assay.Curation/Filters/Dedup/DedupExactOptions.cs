using Assay.Curation.Dedup;

namespace Assay.Curation.Filters.Dedup;

/// <summary>Exact document dedup, as <c>assay dedup --method exact</c>.</summary>
public sealed record DedupExactOptions
{
    /// <summary>Survivor of a cluster: lowest_id (default), longest, highest_score; ties by lowest id.</summary>
    public KeepRule Keep { get; init; } = KeepRule.LowestId;

    /// <summary>Numeric <c>meta</c> field read by <c>keep: highest_score</c>.</summary>
    public string ScoreKey { get; init; } = "score";
}
