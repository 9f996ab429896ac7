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

    /// <summary>Exact and MinHash: folder to persist this run's index in (kept records' keys; <see cref="DedupIndexFiles"/>).</summary>
    public string? IndexDir { get; init; }

    /// <summary>Exact and MinHash: index folders of earlier runs; records duplicating an indexed record are removed with its id as <c>duplicate_of</c>.</summary>
    public IReadOnlyList<string> Against { get; init; } = [];

    public ReadOptions Read { get; init; } = ReadOptions.Default;
}
