namespace Assay.Curation.Pipeline;

/// <summary>
/// Values of one numeric signal seen on a bounded sample of records: <see cref="All"/> over every
/// record that carried it (before filtering), <see cref="Kept"/> over the records kept (after).
/// </summary>
public sealed class SignalSample
{
    public List<double> All { get; init; } = [];
    public List<double> Kept { get; init; } = [];

    public void Merge(SignalSample other, int cap)
    {
        AddCapped(All, other.All, cap);
        AddCapped(Kept, other.Kept, cap);
    }

    private static void AddCapped(List<double> to, List<double> from, int cap)
    {
        int room = cap - to.Count;
        if (room > 0) to.AddRange(from.Take(room));
    }
}
