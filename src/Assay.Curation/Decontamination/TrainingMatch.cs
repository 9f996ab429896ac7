namespace Assay.Curation.Decontamination;

/// <summary>A training document that shares an n-gram with at least one benchmark item, and which items ("benchmark/item").</summary>
public sealed record TrainingMatch(string TrainingId, IReadOnlyList<string> Items);
