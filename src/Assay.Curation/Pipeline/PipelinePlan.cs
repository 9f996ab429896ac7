namespace Assay.Curation.Pipeline;

/// <summary>What <c>assay run --plan</c> prints: the sample it measured, per-step costs, and per-stage estimates.</summary>
public sealed record PipelinePlan
{
    public required string Executor { get; init; }
    public required int Tasks { get; init; }
    public required int Workers { get; init; }
    public required int WorkItems { get; init; }
    public required long InputBytes { get; init; }
    public required long EstimatedRecords { get; init; }
    public required long SampledRecords { get; init; }
    public required int SampledShards { get; init; }
    public required double ReadMsPer1kRecords { get; init; }
    public required double WriteMsPer1kRecords { get; init; }
    public required IReadOnlyList<PlanStep> Steps { get; init; }
    public required IReadOnlyList<PlanStage> Stages { get; init; }
    public double TotalWallSeconds => Stages.Sum(s => s.WallSeconds);
    public long PeakRamBytes => Stages.Max(s => s.RamBytes);
    public long TotalDiskBytes => Stages.Sum(s => s.DiskBytes);
}
