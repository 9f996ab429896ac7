namespace Assay.Curation.Steps;

/// <summary>What a step may know about the run: which task it is, where the pipeline file lives (relative paths), the seed.</summary>
public sealed record StepContext(int Task, int Tasks, string BaseDirectory, ulong Seed, string StepId);
