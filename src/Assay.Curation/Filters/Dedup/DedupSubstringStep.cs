using Assay.Curation.Dedup;
using Assay.Curation.Pipeline.Barriers;
using Assay.Curation.Steps;

namespace Assay.Curation.Filters.Dedup;

/// <summary>Suffix-array substring dedup over the whole stage (one job), through the dataset-level engine.</summary>
[StepName(Name, typeof(DedupSubstringOptions), Description = "Exact-substring dedup (suffix array) across the whole stage (barrier, one job); removes repeated spans")]
public sealed class DedupSubstringStep(DedupSubstringOptions options) : DatasetDedupBarrier
{
    public const string Name = "dedup_substring_v1";

    public override void Initialize(StepContext context) => new ExactSubstringOptions { MinLength = options.MinLength }.Validate();

    /// <summary>Suffix array over all the stage's text: ~9 bytes of RAM per text byte (text + 64-bit positions) and SA-IS at ~20 MB/s.</summary>
    public override BarrierCost Estimate(long records, long bytes) =>
        new(0, bytes / 20e6, bytes * 9, bytes, "one job: suffix array over the whole stage");

    protected override DatasetDedupOptions Engine(BarrierContext context) => new()
    {
        Method = DedupMethod.Substring,
        Substring = new ExactSubstringOptions { MinLength = options.MinLength },
    };
}
