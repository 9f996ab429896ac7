namespace Assay.Curation.Filters.Sampling;

/// <summary>Deterministic id-hash sampling (datatrove's SamplerFilter keeps a random fraction; here the choice is a function of id and seed).</summary>
public sealed record SampleOptions
{
    public double Rate { get; init; } = 1.0;   // fraction kept; 1.0 keeps everything (no published default)
    public ulong? Seed { get; init; }          // null: the run's seed from StepContext (0 before Initialize)
}
