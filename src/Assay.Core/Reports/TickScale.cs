namespace Assay.Core.Reports;

/// <summary>
/// Axis ticks: round values from <see cref="Min"/> to <see cref="Max"/>. For linear axes the
/// ticks are evenly spaced by <see cref="Step"/>; for log axes <see cref="Step"/> is the
/// spacing in decades.
/// </summary>
public sealed record TickScale(double Min, double Max, double Step, IReadOnlyList<double> Values, bool IsLog)
{
    /// <summary>Tick labels formatted together so they share suffix and precision.</summary>
    public IReadOnlyList<string> Labels()
    {
        if (!IsLog)
            return NumberFormat.Ticks(Values, Step);
        var labels = new string[Values.Count];
        for (int i = 0; i < labels.Length; i++)
            labels[i] = NumberFormat.Compact(Values[i]);
        return labels;
    }
}
