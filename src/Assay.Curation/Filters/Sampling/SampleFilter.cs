using Assay.Core.Hashing;
using Assay.Core.Records;
using Assay.Curation.Steps;

namespace Assay.Curation.Filters.Sampling;

/// <summary>
/// Keeps a record iff xxHash64(UTF-8 id, seed) &lt; rate·2^64: the same records are kept on every run,
/// machine and task split, and a lower rate keeps a subset of a higher rate's records (same seed).
/// </summary>
[StepName(Name, typeof(SampleOptions), Description = "Deterministic sampler: keeps a record iff xxHash64(id, seed) < rate * 2^64")]
public sealed class SampleFilter(SampleOptions options) : FilterStep
{
    public const string Name = "sample_v1";

    private ulong _seed = options.Seed ?? 0;

    public override void Initialize(StepContext context)
    {
        if (options.Rate is < 0 or > 1 || double.IsNaN(options.Rate))
            throw new ArgumentOutOfRangeException(nameof(options), options.Rate, $"{Name}: rate must be within [0, 1].");
        _seed = options.Seed ?? context.Seed;
    }

    public override Verdict Judge(Record record) =>
        Keeps(record.Id, options.Rate, _seed) ? Verdict.Kept : Verdict.Remove("sample:not_sampled");

    public static bool Keeps(string id, double rate, ulong seed)
    {
        if (rate >= 1) return true;
        if (!(rate > 0)) return false;
        return XxHash64.HashString(id, seed) < Threshold(rate);
    }

    /// <summary>floor(rate·2^64), exact for rates in (0, 1): doubles below 1 times 2^64 stay below 2^64.</summary>
    public static ulong Threshold(double rate) => (ulong)(rate * 18446744073709551616.0);
}
