using Assay.Curation.Dedup;
using Assay.Curation.Pipeline.Barriers;
using Assay.Curation.Steps;

namespace Assay.Curation.Filters.Dedup;

/// <summary>
/// Removes lines or paragraphs already seen earlier in the stage (one job: "earlier" is the order
/// the next stage reads, task 0's records first); records left with no text are removed.
/// </summary>
[StepName(Name, typeof(DedupLinesOptions), Description = "Line or paragraph dedup across the whole stage (barrier, one job); rewrites text, removes emptied records")]
public sealed class DedupLinesStep(DedupLinesOptions options) : DatasetDedupBarrier
{
    public const string Name = "dedup_lines_v1";

    public override void Initialize(StepContext context)
    {
        if (options.MinWords < 0) throw new ArgumentOutOfRangeException(nameof(options), options.MinWords, $"{Name}: min_words must be ≥ 0");
    }

    protected override DatasetDedupOptions Engine(BarrierContext context) => new()
    {
        Method = options.Unit == DedupUnit.Line ? DedupMethod.Lines : DedupMethod.Paragraphs,
        MinWords = options.MinWords,
    };
}
