using Assay.Core.Accounting;

namespace Assay.Curation.Pipeline;

/// <summary>
/// The summable result of one chunk, task or run: records read and quarantined, each step's counts
/// (in pipeline order), a sample of signal values and a few removed examples per reason.
/// </summary>
public sealed class TaskStats
{
    public const int SignalCapPerTask = 4000;
    public const int ExamplesPerReason = 5;

    public long Input { get; set; }
    public long Quarantined { get; set; }
    public List<StepCounts> Steps { get; init; } = [];
    public SortedDictionary<string, SignalSample> Signals { get; init; } = new(StringComparer.Ordinal);
    public List<RemovedExample> Examples { get; init; } = [];

    public static TaskStats For(IEnumerable<string> stepIds) => new() { Steps = stepIds.Select(id => new StepCounts(id)).ToList() };

    public void Merge(TaskStats other, int signalCap = SignalCapPerTask)
    {
        Input += other.Input;
        Quarantined += other.Quarantined;
        if (Steps.Count != other.Steps.Count) throw new AccountingException($"cannot merge stats of {other.Steps.Count} steps into {Steps.Count}");
        for (int i = 0; i < Steps.Count; i++) Steps[i].Merge(other.Steps[i]);
        foreach (var (name, sample) in other.Signals)
        {
            if (!Signals.TryGetValue(name, out var mine)) Signals[name] = mine = new SignalSample();
            mine.Merge(sample, signalCap);
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
