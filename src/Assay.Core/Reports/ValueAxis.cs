namespace Assay.Core.Reports;

/// <summary>A numeric axis: ticks plus the mapping from data values to a 0..1 fraction of the plot.</summary>
internal sealed class ValueAxis
{
    private readonly double _lo;
    private readonly double _hi;

    private ValueAxis(TickScale ticks)
    {
        Ticks = ticks;
        Labels = ticks.Labels();
        _lo = ticks.IsLog ? Math.Log10(ticks.Min) : ticks.Min;
        _hi = ticks.IsLog ? Math.Log10(ticks.Max) : ticks.Max;
    }

    public TickScale Ticks { get; }

    public IReadOnlyList<string> Labels { get; }

    public bool IsLog => Ticks.IsLog;

    public double Min => Ticks.Min;

    public double Max => Ticks.Max;

    /// <summary>Linear axis over the data range; bars and counts pass <paramref name="includeZero"/> so bars start at a baseline.</summary>
    public static ValueAxis Linear(double min, double max, bool includeZero, int maxTicks = 7)
    {
        // Keep max - min finite; anything beyond is pinned to the plot edge by Fraction.
        min = Math.Clamp(min, -HistogramData.MaxMagnitude, HistogramData.MaxMagnitude);
        max = Math.Clamp(max, -HistogramData.MaxMagnitude, HistogramData.MaxMagnitude);
        if (includeZero)
        {
            min = Math.Min(min, 0);
            max = Math.Max(max, 0);
        }
        return new ValueAxis(Reports.Ticks.Linear(min, max, maxTicks));
    }

    public static ValueAxis Log(double min, double max, int maxTicks = 8) =>
        new(Reports.Ticks.Log(Math.Max(min, 1e-300), Math.Min(max, HistogramData.MaxMagnitude), maxTicks));

    /// <summary>Position of <paramref name="value"/> as a fraction of the axis, clamped to [0, 1].</summary>
    public double Fraction(double value)
    {
        double v = IsLog ? Math.Log10(Math.Max(value, double.Epsilon)) : value;
        double f = (v - _lo) / (_hi - _lo);
        return double.IsFinite(f) ? Math.Clamp(f, 0, 1) : 0;
    }

    /// <summary>Whether the value can be drawn on this axis at all (log axes drop values ≤ 0).</summary>
    public bool CanShow(double value) => double.IsFinite(value) && (!IsLog || value > 0);

    /// <summary>Finds the range of drawable values; returns false if there are none.</summary>
    public static bool TryRange(IEnumerable<double> values, bool log, out double min, out double max)
    {
        min = double.PositiveInfinity;
        max = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (!double.IsFinite(v) || (log && v <= 0))
                continue;
            if (v < min)
                min = v;
            if (v > max)
                max = v;
        }
        return min <= max;
    }
}
