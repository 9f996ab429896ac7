namespace Assay.Curation.Dedup;

/// <summary>
/// Exact-substring dedup settings. MinLength 50 follows Lee et al. 2022 (k = 50; they count
/// tokens, here it counts bytes of UTF-8 or token ids, whichever the input is).
/// </summary>
public sealed record ExactSubstringOptions
{
    public int MinLength { get; init; } = 50;

    /// <summary>
    /// Memory for the disk-backed run's suffix-array parts (<see cref="DiskSubstringDeduplicator"/>):
    /// parts are sized so that <see cref="Workers"/> concurrent builds fit in it. Outside the budget: one
    /// bit per corpus byte (the repeat marks), 8 bytes per document, and the page cache for the
    /// memory-mapped corpus (clean pages the kernel reclaims under pressure).
    /// </summary>
    public long MemoryBytes { get; init; } = 2L << 30;

    /// <summary>Part size in bytes; overrides the size derived from <see cref="MemoryBytes"/> (tests use tiny parts).</summary>
    public long? PartBytes { get; init; }

    /// <summary>Suffix-array parts built at the same time.</summary>
    public int Workers { get; init; } = Math.Min(Environment.ProcessorCount, 4);

    /// <summary>
    /// Peak bytes one part build holds per input byte. Counted: 16-bit codes (2), the suffix array
    /// (4), LMS lists, slots, names and the reduced string (≈ 8 at the usual LMS density of ~1/3),
    /// then the recursion and GC slack; measured: 2.24 GB peak RSS for 2 workers × 41 MB parts of
    /// 200 MB of text, ≈ 22 bytes per part byte after the mapped corpus and the runtime.
    /// </summary>
    internal const int PartBytesPerInputByte = 24;

    internal long ResolvePartBytes() =>
        PartBytes ?? Math.Clamp(MemoryBytes / (PartBytesPerInputByte * (long)Workers), 1 << 20, int.MaxValue / 2);

    public void Validate()
    {
        if (MinLength < 1)
            throw new ArgumentException($"minimum repeat length must be at least 1, got {MinLength}.");
        if (PartBytes is < 1 or > int.MaxValue / 2)
            throw new ArgumentException($"part size must be in [1, {int.MaxValue / 2}] bytes, got {PartBytes}.");
        if (MemoryBytes < 1 << 20)
            throw new ArgumentException($"memory budget must be at least 1 MiB, got {MemoryBytes} bytes.");
        if (Workers < 1)
            throw new ArgumentException($"workers must be at least 1, got {Workers}.");
    }
}
