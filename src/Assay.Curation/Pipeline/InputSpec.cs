namespace Assay.Curation.Pipeline;

/// <summary>One <c>input</c> entry: a DATASET spec or glob, optionally naming its source (set on every record) and license.</summary>
public sealed record InputSpec(string Path, string? Source = null, string? License = null);
