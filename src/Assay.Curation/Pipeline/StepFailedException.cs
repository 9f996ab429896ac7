namespace Assay.Curation.Pipeline;

/// <summary>A step threw on a record: names the step, the record and its shard.</summary>
public sealed class StepFailedException(string message, Exception inner) : InvalidOperationException(message, inner);
