namespace Assay.Curation.Dedup;

/// <summary>Which member of a duplicate cluster survives. Every rule breaks ties by the lowest id in ordinal order, so the choice is deterministic.</summary>
public enum KeepRule
{
    /// <summary>Lowest id in ordinal order (default; datatrove keeps the first document it read, which depends on shard order).</summary>
    LowestId,

    /// <summary>Longest text in UTF-16 code units.</summary>
    Longest,

    /// <summary>Highest <see cref="DedupDocument.Score"/>.</summary>
    HighestScore,
}
