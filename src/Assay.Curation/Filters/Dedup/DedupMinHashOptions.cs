using Assay.Curation.Dedup;

namespace Assay.Curation.Filters.Dedup;

/// <summary>
/// MinHash-LSH near-duplicate dedup, as <c>assay dedup --method minhash</c>; defaults are
/// <see cref="MinHashOptions"/>'s (5-gram shingles as datatrove, 128 permutations as text-dedup,
/// Jaccard threshold 0.8 as Lee et al. 2022).
/// </summary>
public sealed record DedupMinHashOptions
{
    public int NumPerm { get; init; } = 128;
    public int Ngram { get; init; } = 5;
    public ulong Seed { get; init; } = 42;
    public double Threshold { get; init; } = 0.8;
    /// <summary>Explicit banding (both or neither); null derives it from the threshold.</summary>
    public int? Bands { get; init; }
    public int? Rows { get; init; }
    /// <summary>Check each candidate pair's true shingle Jaccard (the reduce then reads all texts).</summary>
    public bool Verify { get; init; }
    public KeepRule Keep { get; init; } = KeepRule.LowestId;
    public string ScoreKey { get; init; } = "score";
    /// <summary>Bucket entries held in memory before a sorted run spills to disk (16 bytes each).</summary>
    public int MaxEntriesInMemory { get; init; } = 4 << 20;

    public MinHashOptions Engine()
    {
        if (Bands.HasValue != Rows.HasValue) throw new ArgumentException("give both bands and rows, or neither");
        var o = new MinHashOptions
        {
            NumPerm = NumPerm, NGram = Ngram, Seed = Seed, Threshold = Threshold, Verify = Verify, Keep = Keep,
            MaxEntriesInMemory = MaxEntriesInMemory, Bands = Bands is int b ? new LshParameters(b, Rows!.Value) : null,
        };
        o.ResolveBands();
        return o;
    }
}
