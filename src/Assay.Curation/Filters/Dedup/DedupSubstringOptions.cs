using Assay.Curation.Dedup;

namespace Assay.Curation.Filters.Dedup;

/// <summary>Exact-substring dedup, as <c>assay dedup --method substring</c>: spans of ≥ min_length bytes (50, Lee et al. 2022).</summary>
public sealed record DedupSubstringOptions
{
    public int MinLength { get; init; } = new ExactSubstringOptions().MinLength;

    /// <summary>Bytes a map task's suffix-array part builds may use (parts are sized to fit; default 2 GiB).</summary>
    public long MemoryBytes { get; init; } = new ExactSubstringOptions().MemoryBytes;
}
