namespace Assay.Curation.Pipeline.Builtin;

/// <summary>Options of <see cref="SampleStep"/>: the fraction of records to keep.</summary>
public sealed record SampleOptions
{
    public double Rate { get; init; } = 1.0;
}
