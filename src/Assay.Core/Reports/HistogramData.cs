namespace Assay.Core.Reports;

/// <summary>
/// Binned counts ready to draw, either computed from raw values or given pre-binned
/// (e.g. merged from per-shard stats).
/// </summary>
public sealed class HistogramData
{
    /// <summary>Upper bound on automatically chosen bins; heavy tails would otherwise make thousands.</summary>
    public const int DefaultMaxBins = 60;

    /// <summary>Largest magnitude binned; beyond it widths and edges overflow double.</summary>
    public const double MaxMagnitude = 1e300;

    private HistogramData(IReadOnlyList<HistogramBin> bins, long count, long skipped, string? rule)
    {
        Bins = bins;
        Count = count;
        Skipped = skipped;
        Rule = rule;
    }

    public IReadOnlyList<HistogramBin> Bins { get; }

    /// <summary>Number of values counted into bins.</summary>
    public long Count { get; }

    /// <summary>
    /// Values left out: NaN, ±∞, and magnitudes above <see cref="MaxMagnitude"/> whose bin
    /// arithmetic would overflow. Reported in the chart's subtitle.
    /// </summary>
    public long Skipped { get; }

    /// <summary>True when binned into caller-given edges; <see cref="Skipped"/> then also counts out-of-range values.</summary>
    public bool FixedEdges { get; private init; }

    /// <summary>Short description of how the bins were chosen, or null when given pre-binned.</summary>
    public string? Rule { get; }

    /// <summary>
    /// Bins raw values. The rule's width is rounded to the nearest 1-2-5 number and edges are aligned to
    /// multiples of it, so bin edges read as round numbers; integer data never gets bins
    /// narrower than 1. A single distinct value gets one bin centred on it; no values, no bins.
    /// </summary>
    public static HistogramData FromValues(IEnumerable<double> values, BinRule rule = BinRule.FreedmanDiaconis, int maxBins = DefaultMaxBins)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBins, 1);
        var finite = new List<double>();
        long skipped = 0;
        bool allIntegers = true;
        foreach (double v in values)
        {
            if (!double.IsFinite(v) || Math.Abs(v) > MaxMagnitude)
            {
                skipped++;
                continue;
            }
            finite.Add(v);
            allIntegers &= Math.Abs(v) < 1e15 && v == Math.Floor(v);
        }
        if (finite.Count == 0)
            return new HistogramData([], 0, skipped, null);
        finite.Sort();
        double min = finite[0];
        double max = finite[^1];
        int n = finite.Count;

        if (max - min <= Math.Max(Math.Abs(min), Math.Abs(max)) * 1e-12)
        {
            double half = allIntegers ? 0.5 : (min == 0 ? 0.5 : Ticks.NiceAtLeast(Math.Abs(min) * 0.05));
            return new HistogramData([new HistogramBin(min - half, min + half, n)], n, skipped, "single value");
        }

        string ruleName;
        double width;
        double iqr = Quantile(finite, 0.75) - Quantile(finite, 0.25);
        if (rule == BinRule.FreedmanDiaconis && iqr > 0)
        {
            width = 2 * iqr / Math.Cbrt(n);
            ruleName = "Freedman–Diaconis";
        }
        else
        {
            int k = (int)Math.Ceiling(Math.Log2(n)) + 1;
            width = (max - min) / k;
            ruleName = "Sturges";
        }
        width = NiceNearest(Math.Max(width, (max - min) / maxBins));
        if (allIntegers && width < 1)
            width = 1;
        double start = Math.Floor(min / width) * width;
        int bins = (int)Math.Floor((max - start) / width) + 1;
        // Rounding the width up to a nice number can still overshoot by one bin.
        while (bins > maxBins)
        {
            width = Ticks.NiceAtLeast(width * 1.0001);
            start = Math.Floor(min / width) * width;
            bins = (int)Math.Floor((max - start) / width) + 1;
        }
        // When max sits exactly on the last edge, fold it into the previous bin rather than
        // adding a bin that holds only the maximum.
        if (bins > 1 && start + (bins - 1) * width >= max)
            bins--;

        var counts = new long[bins];
        foreach (double v in finite)
        {
            int i = (int)Math.Floor((v - start) / width);
            counts[Math.Clamp(i, 0, bins - 1)]++;
        }
        var result = new HistogramBin[bins];
        for (int i = 0; i < bins; i++)
            result[i] = new HistogramBin(Edge(start, width, i), Edge(start, width, i + 1), counts[i]);
        return new HistogramData(result, n, skipped, ruleName);
    }

    /// <summary>
    /// Bins raw values into fixed <paramref name="edges"/> (strictly increasing), e.g. scores in
    /// [0, 1] with 20 bins, so histograms from different runs line up. Values outside the edges
    /// are counted in <see cref="Skipped"/>; the last edge is inclusive.
    /// </summary>
    public static HistogramData FromValues(IEnumerable<double> values, IReadOnlyList<double> edges)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(edges);
        if (edges.Count < 2)
            throw new ArgumentException("Need at least two edges for one bin.", nameof(edges));
        var counts = new long[edges.Count - 1];
        var template = FromCounts(edges, counts); // validates the edges
        long skipped = 0;
        long n = 0;
        foreach (double v in values)
        {
            if (!double.IsFinite(v) || v < edges[0] || v > edges[^1])
            {
                skipped++;
                continue;
            }
            int i = UpperBound(edges, v) - 1;
            counts[Math.Min(i, counts.Length - 1)]++;
            n++;
        }
        var bins = new HistogramBin[counts.Length];
        for (int i = 0; i < bins.Length; i++)
            bins[i] = template.Bins[i] with { Count = counts[i] };
        return new HistogramData(bins, n, skipped, "fixed") { FixedEdges = true };
    }

    /// <summary>Fixed-width bins: <paramref name="bins"/> equal bins over [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static HistogramData FromValues(IEnumerable<double> values, double min, double max, int bins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (!double.IsFinite(min) || !double.IsFinite(max) || !(max > min))
            throw new ArgumentException($"Need finite min < max, got [{min}, {max}].", nameof(max));
        var edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++)
            edges[i] = i == bins ? max : min + (max - min) * i / bins;
        return FromValues(values, edges);
    }

    /// <summary>
    /// Sums histograms with identical bin edges, e.g. one fixed-edge histogram per task of a run.
    /// Throws if the edges differ, because adding counts of different bins would be silently wrong.
    /// </summary>
    public static HistogramData Merge(IEnumerable<HistogramData> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        HistogramBin[]? bins = null;
        long n = 0, skipped = 0;
        bool fixedEdges = true;
        string? rule = null;
        foreach (var part in parts)
        {
            if (bins is null)
            {
                bins = [.. part.Bins];
                rule = part.Rule;
            }
            else
            {
                if (part.Bins.Count != bins.Length)
                    throw new ArgumentException($"Cannot merge histograms with {bins.Length} and {part.Bins.Count} bins.", nameof(parts));
                for (int i = 0; i < bins.Length; i++)
                {
                    var b = part.Bins[i];
                    if (b.Low != bins[i].Low || b.High != bins[i].High)
                        throw new ArgumentException($"Bin {i} edges differ: [{bins[i].Low}, {bins[i].High}) vs [{b.Low}, {b.High}).", nameof(parts));
                    bins[i] = bins[i] with { Count = bins[i].Count + b.Count };
                }
            }
            n += part.Count;
            skipped += part.Skipped;
            fixedEdges &= part.FixedEdges;
        }
        return new HistogramData(bins ?? [], n, skipped, rule) { FixedEdges = fixedEdges && bins is not null };
    }

    /// <summary>Pre-binned counts: <paramref name="edges"/> has one more entry than <paramref name="counts"/> and strictly increases.</summary>
    public static HistogramData FromCounts(IReadOnlyList<double> edges, IReadOnlyList<long> counts)
    {
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count == 0 && edges.Count <= 1)
            return new HistogramData([], 0, 0, null);
        if (edges.Count != counts.Count + 1)
            throw new ArgumentException($"Expected {counts.Count + 1} edges for {counts.Count} counts, got {edges.Count}.", nameof(edges));
        var bins = new HistogramBin[counts.Count];
        long total = 0;
        for (int i = 0; i < counts.Count; i++)
        {
            if (!double.IsFinite(edges[i]) || !double.IsFinite(edges[i + 1]) || !(edges[i + 1] > edges[i]))
                throw new ArgumentException($"Bin edges must be finite and strictly increasing (edge {i}: {edges[i]}, edge {i + 1}: {edges[i + 1]}).", nameof(edges));
            if (counts[i] < 0)
                throw new ArgumentException($"Bin count {i} is negative ({counts[i]}).", nameof(counts));
            bins[i] = new HistogramBin(edges[i], edges[i + 1], counts[i]);
            total += counts[i];
        }
        return new HistogramData(bins, total, 0, null);
    }

    /// <summary>The 1-2-5 number closest to <paramref name="width"/> on a log scale (rounding only up would halve the bins).</summary>
    private static double NiceNearest(double width)
    {
        double up = Ticks.NiceAtLeast(width);
        double mantissa = up / Math.Pow(10, Math.Floor(Math.Log10(up) + 1e-9));
        double down = up / (Math.Abs(mantissa - 5) < 1e-9 ? 2.5 : 2);
        return up / width <= width / down ? up : down;
    }

    // Edges are multiples of a 1-2-5 width; rounding to the width's precision removes
    // float noise (0.30000000000000004) without moving any edge.
    private static double Edge(double start, double width, int i)
    {
        double edge = start + i * width;
        int decimals = 1 - (int)Math.Floor(Math.Log10(width));
        return decimals is >= 0 and <= 15 ? Math.Round(edge, decimals) : edge;
    }

    /// <summary>Index of the first edge greater than <paramref name="v"/> (binary search).</summary>
    private static int UpperBound(IReadOnlyList<double> edges, double v)
    {
        int lo = 0, hi = edges.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= v)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    /// <summary>Linear-interpolated quantile of sorted data (type 7, as numpy's default).</summary>
    internal static double Quantile(List<double> sorted, double q)
    {
        double pos = q * (sorted.Count - 1);
        int lo = (int)Math.Floor(pos);
        int hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
