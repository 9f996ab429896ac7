namespace Assay.Curation.Pipeline;

/// <summary>
/// Values of one numeric signal on the sampled records (<see cref="SignalSampling"/>: chosen by id hash,
/// about 4,000 a run): <see cref="All"/> over every sampled record that carried it (before filtering),
/// <see cref="Kept"/> over those kept (after).
/// </summary>
public sealed class SignalSample
{
    public List<double> All { get; init; } = [];
    public List<double> Kept { get; init; } = [];

    public void Merge(SignalSample other)
    {
        All.AddRange(other.All);
        Kept.AddRange(other.Kept);
    }
}
