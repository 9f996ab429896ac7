using Assay.Core.Accounting;

namespace Assay.Curation.Dedup;

/// <summary>What a dataset dedup run did: the step's counts (removed by reason, changed records and characters) and method-specific figures.</summary>
public sealed record DatasetDedupResult(string Step, StepCounts Counts, IReadOnlyDictionary<string, object> Details);
