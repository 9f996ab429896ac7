using Assay.Core.Accounting;

namespace Assay.Curation.Pipeline;

/// <summary>
/// The summable result of one chunk, task or run: records read and quarantined, each step's counts
/// (in pipeline order), a sample of signal values and a few removed examples per reason.
/// </summary>
public sealed class TaskStats
{
    public const int ExamplesPerReason = 5;

    public long Input { get; set; }
    public long Quarantined { get; set; }
    public List<StepCounts> Steps { get; init; } = [];
    public SortedDictionary<string, SignalSample> Signals { get; init; } = new(StringComparer.Ordinal);
    public List<RemovedExample> Examples { get; init; } = [];

    public static TaskStats For(IEnumerable<string> stepIds) => new() { Steps = stepIds.Select(id => new StepCounts(id)).ToList() };

    public void Merge(TaskStats other)
    {
        Input += other.Input;
        Quarantined += other.Quarantined;
        if (Steps.Count != other.Steps.Count) throw new AccountingException($"cannot merge stats of {other.Steps.Count} steps into {Steps.Count}");
        for (int i = 0; i < Steps.Count; i++) Steps[i].Merge(other.Steps[i]);
        MergeSamples(other);
    }

    /// <summary>
    /// Adds one stage of a pipeline with barrier steps: its steps sit at <paramref name="offset"/> in
    /// the whole pipeline's list; records read and quarantined count in the first stage only.
    /// </summary>
    public void MergeStage(TaskStats stage, int offset, bool firstStage)
    {
        if (firstStage) { Input += stage.Input; Quarantined += stage.Quarantined; }
        for (int i = 0; i < stage.Steps.Count; i++) Steps[offset + i].Merge(stage.Steps[i]);
        MergeSamples(stage);
    }

    /// <summary>Samples add up: which records are sampled is decided by id hash, so no cap or order is needed (<see cref="SignalSampling"/>).</summary>
    private void MergeSamples(TaskStats other)
    {
        foreach (var (name, sample) in other.Signals)
        {
            if (!Signals.TryGetValue(name, out var mine)) Signals[name] = mine = new SignalSample();
            mine.Merge(sample);
        }
        foreach (var e in other.Examples)
            if (Examples.Count(x => x.Step == e.Step && x.Reason == e.Reason) < ExamplesPerReason) Examples.Add(e);
    }

    public RunAccounting ToAccounting()
    {
        var acc = new RunAccounting { Input = Input, Quarantined = Quarantined };
        foreach (var s in Steps) acc.Step(s.Step).Merge(s);
        return acc;
    }
}
