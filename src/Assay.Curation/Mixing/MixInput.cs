namespace Assay.Curation.Mixing;

/// <summary>A dataset to mix; <see cref="Source"/> (when set) overrides the records' own source names.</summary>
public sealed record MixInput(string Spec, string? Source = null);
