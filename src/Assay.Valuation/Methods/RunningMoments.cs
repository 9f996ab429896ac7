namespace Assay.Valuation.Methods;

/// <summary>Per-point sums of samples and squares, merged in sample order; mean and standard error of the mean.</summary>
internal sealed class RunningMoments(int n)
{
    public double[] Sum { get; } = new double[n];
    public double[] SumSq { get; } = new double[n];
    public long[] Count { get; } = new long[n];

    public void Add(int i, double x) { Sum[i] += x; SumSq[i] += x * x; Count[i]++; }

    public double[] Mean() => Sum.Select((s, i) => Count[i] > 0 ? s / Count[i] : 0).ToArray();

    public double[] StandardError() => Sum.Select((s, i) =>
    {
        long c = Count[i];
        if (c < 2) return double.NaN;
        double m = s / c;
        double var = Math.Max(SumSq[i] / c - m * m, 0) * c / (c - 1);
        return Math.Sqrt(var / c);
    }).ToArray();
}
