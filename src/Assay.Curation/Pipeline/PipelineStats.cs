using Assay.Core.Accounting;
using Assay.Core.IO;

namespace Assay.Curation.Pipeline;

/// <summary><c>stats.json</c>: the run's verified accounts, per-step counts in order, signal summaries before/after.</summary>
public sealed record PipelineStats
{
    public const string FileName = "stats.json";

    public required string ConfigHash { get; init; }
    public required int Tasks { get; init; }
    public required int WorkItems { get; init; }
    public required long Input { get; init; }
    public required long Quarantined { get; init; }
    public required long Kept { get; init; }
    public required long Removed { get; init; }
    public required long KeptBytes { get; init; }
    public required IReadOnlyList<StepCounts> Steps { get; init; }
    public required SortedDictionary<string, SignalStats> Signals { get; init; }
    public required IReadOnlyList<RemovedExample> Examples { get; init; }
    /// <summary>The token-weighted mix of the kept records (in <c>mixed/</c>), when the pipeline has a <c>mix</c>.</summary>
    public Mixing.MixResult? Mix { get; init; }
    /// <summary>The barrier steps (dedup...) in pipeline order, when the pipeline has any.</summary>
    public IReadOnlyList<Barriers.BarrierSummary>? Barriers { get; init; }

    public static PipelineStats From(PipelineRun run, TaskStats stats, RunAccounting accounting, List<ShardInfo> kept, List<ShardInfo> removed)
    {
        var signals = new SortedDictionary<string, SignalStats>(StringComparer.Ordinal);
        foreach (var (name, sample) in stats.Signals)
            signals[name] = new SignalStats(SignalSummary.Of(sample.All), SignalSummary.Of(sample.Kept)) { Sample = sample };
        return new PipelineStats
        {
            ConfigHash = run.Config.ConfigHash,
            Tasks = run.Tasks,
            WorkItems = run.Plan.Items.Count,
            Input = accounting.Input,
            Quarantined = accounting.Quarantined,
            Kept = accounting.FinalKept,
            Removed = removed.Sum(s => s.Records),
            KeptBytes = kept.Sum(s => s.Bytes),
            Steps = accounting.Steps,
            Signals = signals,
            Examples = stats.Examples,
        };
    }
}
