using Assay.Core.Records;
using Assay.Curation.Steps;

namespace Assay.Curation.Pipeline.Barriers;

/// <summary>Where a barrier wrote its decisions.</summary>
public sealed record BarrierApplyOptions
{
    public string Folder { get; init; } = "";
}

/// <summary>
/// The first step of the stage after a barrier: applies the barrier's decisions for this task.
/// Not registered by name — the pipeline puts it in place of the barrier, under the barrier's id,
/// so counts and <c>meta.removed_by</c> carry the barrier's name. Lookup is by id rather than by
/// position, so a task resumed from a chunk checkpoint finds the same decisions.
/// </summary>
public sealed class BarrierApplyStep(BarrierApplyOptions options) : FilterStep
{
    private Dictionary<string, BarrierDecision> _decisions = [];

    public override void Initialize(StepContext context) => _decisions = BarrierDecisionWriter.Load(options.Folder, context.Task);

    public override Verdict Judge(Record record)
    {
        if (!_decisions.TryGetValue(record.Id, out var d)) return Verdict.Kept;
        if (d.Text is not null) record.Text = d.Text;
        if (d.Meta is not null)
            foreach (var (key, value) in d.Meta)
                record.Meta[key] = value?.DeepClone();
        if (d.Remove is null) return Verdict.Kept;
        if (d.DuplicateOf is not null) record.Meta["duplicate_of"] = d.DuplicateOf;
        return Verdict.Remove(d.Remove);
    }
}
