namespace Assay.Curation.Decontamination;

/// <summary>Everything one decontamination run found: per-benchmark results, and how many training records matched any item.</summary>
public sealed record ContaminationReport(long TrainingRecords, long ContaminatedRecords, DecontaminationOptions Options, IReadOnlyList<BenchmarkContamination> Benchmarks);
