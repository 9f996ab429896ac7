namespace Assay.Curation.Pipeline;

/// <summary>Count, mean and quantiles of a sampled signal.</summary>
public sealed record SignalSummary(long Count, double Min, double P10, double P50, double P90, double Max, double Mean)
{
    public static SignalSummary? Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToArray();
        double Q(double q) => sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(q * sorted.Length))];
        return new SignalSummary(sorted.Length, sorted[0], Q(0.1), Q(0.5), Q(0.9), sorted[^1], Math.Round(sorted.Average(), 6));
    }
}
