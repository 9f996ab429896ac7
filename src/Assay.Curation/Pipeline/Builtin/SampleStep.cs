using Assay.Core.Hashing;
using Assay.Core.Records;
using Assay.Curation.Steps;

namespace Assay.Curation.Pipeline.Builtin;

/// <summary>
/// Keeps a deterministic fraction of records: a record stays when the stable hash of its id and
/// the pipeline seed falls below <c>rate</c>, so the same record is chosen on every run and task split.
/// </summary>
[StepName("sample_v1", typeof(SampleOptions), Description = "keep a deterministic fraction 'rate' of records (hash of id and seed)")]
public sealed class SampleStep(SampleOptions options) : FilterStep
{
    private ulong _seed;
    private readonly ulong _threshold = options.Rate is >= 0 and <= 1
        ? (ulong)Math.Min(ulong.MaxValue, options.Rate * 18446744073709551616.0)
        : throw new ArgumentException($"rate must be between 0 and 1, got {options.Rate}");

    public override void Initialize(StepContext context) => _seed = context.Seed;

    public override Verdict Judge(Record record) =>
        options.Rate >= 1 || XxHash64.HashString(record.Id, _seed) < _threshold ? Verdict.Kept : Verdict.Remove("sample:not_selected");
}
