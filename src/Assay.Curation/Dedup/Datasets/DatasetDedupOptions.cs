using Assay.Core.Records;

namespace Assay.Curation.Dedup;

/// <summary>Settings of a dataset-level dedup run; only the block of the chosen method is used.</summary>
public sealed record DatasetDedupOptions
{
    public DedupMethod Method { get; init; } = DedupMethod.MinHash;

    public MinHashOptions MinHash { get; init; } = new();

    public ExactSubstringOptions Substring { get; init; } = new();

    public int MinWords { get; init; } = new LineDedupOptions().MinWords;

    public SemDedupOptions Semantic { get; init; } = new();

    /// <summary>Keep rule for exact and MinHash (SemDeDup has its own order).</summary>
    public KeepRule Keep { get; init; } = KeepRule.LowestId;

    /// <summary>Numeric <c>meta</c> field read as the score for <see cref="KeepRule.HighestScore"/>.</summary>
    public string ScoreKey { get; init; } = "score";

    /// <summary>Folder for MinHash stage files (kept afterwards so each stage can be inspected or rerun).</summary>
    public string? WorkDir { get; init; }

    public ReadOptions Read { get; init; } = ReadOptions.Default;
}
