namespace Assay.Core.Stats;

/// <summary>
/// A streaming histogram over non-negative values with geometric bins (4 per doubling), so a
/// length distribution over any number of records costs a few hundred counters, not a list.
/// </summary>
public sealed class LogBins
{
    private const int PerOctave = 4;
    private readonly long[] _counts = new long[1 + 64 * PerOctave];

    public long Count { get; private set; }
    public double Sum { get; private set; }
    public double Min { get; private set; } = double.PositiveInfinity;
    public double Max { get; private set; } = double.NegativeInfinity;

    public void Add(double v)
    {
        Count++;
        Sum += v;
        if (v < Min) Min = v;
        if (v > Max) Max = v;
        _counts[Bin(v)]++;
    }

    public void Merge(LogBins other)
    {
        for (int i = 0; i < _counts.Length; i++) _counts[i] += other._counts[i];
        Count += other.Count;
        Sum += other.Sum;
        Min = Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
    }

    public double Mean => Count == 0 ? 0 : Sum / Count;

    private static int Bin(double v) => v < 1 ? 0 : 1 + Math.Min(64 * PerOctave - 1, (int)Math.Floor(Math.Log2(v) * PerOctave));

    private static double LowerEdge(int bin) => bin == 0 ? 0 : Math.Pow(2, (bin - 1) / (double)PerOctave);

    /// <summary>Non-empty range of bins as (edges, counts), edges one longer than counts.</summary>
    public (double[] Edges, long[] Counts) Bins()
    {
        int first = Array.FindIndex(_counts, c => c > 0);
        if (first < 0) return ([0, 1], [0]);
        int last = Array.FindLastIndex(_counts, c => c > 0);
        var edges = Enumerable.Range(first, last - first + 2).Select(LowerEdge).ToArray();
        return (edges, _counts[first..(last + 1)]);
    }

    /// <summary>Approximate quantile (bin lower edge interpolation); exact to within one bin (~19%).</summary>
    public double Quantile(double q)
    {
        if (Count == 0) return 0;
        long target = (long)Math.Ceiling(q * Count);
        long seen = 0;
        for (int i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= target) return Math.Clamp(LowerEdge(i + 1), Min, Max);
        }
        return Max;
    }
}
