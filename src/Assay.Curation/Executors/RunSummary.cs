using Assay.Curation.Pipeline;

namespace Assay.Curation.Executors;

/// <summary>What an executor did: tasks run, skipped (already done) and resumed, and the merged stats (null when only some tasks ran).</summary>
public sealed record RunSummary(int TasksRun, int TasksSkipped, int TasksResumed, PipelineStats? Stats, TimeSpan Elapsed);
