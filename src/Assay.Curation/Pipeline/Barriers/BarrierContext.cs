using Assay.Curation.Steps;

namespace Assay.Curation.Pipeline.Barriers;

/// <summary>
/// What a barrier step sees: its input (the previous stage's kept records, split as the next stage
/// will read them), a work folder of its own for files passed from map to reduce, and the record
/// counts its map tasks reported (indexed by task; empty when the step has no map phase).
/// </summary>
public sealed record BarrierContext(BarrierInput Input, string WorkDir, StepContext Step, IReadOnlyList<long> MappedRecords);
