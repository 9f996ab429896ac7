using Assay.Curation.Pipeline.Barriers;

namespace Assay.Curation.Steps;

/// <summary>
/// A global step: it must see every record of its stage before it can judge any (dedup, data
/// valuation). The pipeline splits into stages at each barrier, as datatrove splits MinHash into
/// signature → bucket → cluster → filter stages with files between them. The per-record steps
/// before a barrier run as tasks; their kept output is the barrier's input; the barrier runs in
/// up to two phases and writes one <see cref="BarrierDecision"/> per record it changes; the next
/// stage applies the decisions as its first step, so removal, counting, checkpoints and resume are
/// those of any filter, and the decisions' counts join the step list and its accounting.
/// <list type="bullet">
/// <item><b>Map</b> (only when <see cref="Maps"/>): task i of N over the records task i of the next
/// stage will read — threads locally, an array job on Slurm; writes what it measured under
/// <see cref="BarrierContext.WorkDir"/> (a temporary name renamed when complete).</item>
/// <item><b>Reduce</b>: one job; reads the map outputs (or all records through
/// <see cref="BarrierInput"/>) and writes the decisions.</item>
/// </list>
/// A global step from another library plugs in the same way: <c>value_v1</c> (data valuation)
/// would be a <c>[StepName("value_v1", typeof(ValueOptions))]</c> subclass whose options name the
/// test dataset and the fraction to drop; its <see cref="Reduce"/> reads all records with
/// <see cref="BarrierInput.ReadAll"/>, calls the valuation library, and writes for every record a
/// decision with <c>meta.value</c> (<see cref="BarrierDecision.Meta"/>), removing the lowest fraction.
/// </summary>
public abstract class BarrierStep : Step
{
    /// <summary>True when the step has a parallel per-task phase before its reduce.</summary>
    public virtual bool Maps => false;

    /// <summary>The per-task phase; returns how many records it read (kept with its completion marker).</summary>
    public virtual long Map(BarrierContext context, int task, CancellationToken ct) =>
        throw new NotSupportedException($"{GetType().Name} has no map phase");

    /// <summary>
    /// Rough cost for <c>--plan</c> of <paramref name="records"/> records of <paramref name="bytes"/>
    /// bytes of JSON. The default assumes one pass reading at ~100 MB/s and ~200 bytes of RAM per record.
    /// </summary>
    public virtual BarrierCost Estimate(long records, long bytes) =>
        new(0, bytes / 100e6, records * 200, 0, "one job over the stage's records (generic estimate)");

    /// <summary>The global decision: write a decision for every record to change, in <see cref="BarrierInput.ReadAll"/> order.</summary>
    public abstract BarrierResult Reduce(BarrierContext context, BarrierDecisionWriter decisions, CancellationToken ct);
}
