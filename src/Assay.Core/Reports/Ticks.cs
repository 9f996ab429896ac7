namespace Assay.Core.Reports;

/// <summary>
/// "Nice" axis ticks. Linear steps are 1, 2 or 5 times a power of ten; the chosen step is
/// the smallest one that needs at most <c>maxTicks</c> ticks, and the ticks start and end on
/// multiples of the step at or beyond the data, so the axis always covers the data.
/// </summary>
public static class Ticks
{
    private static readonly double[] Multipliers = [1, 2, 5];

    /// <summary>Ticks covering [<paramref name="min"/>, <paramref name="max"/>] with 2..<paramref name="maxTicks"/> values.</summary>
    public static TickScale Linear(double min, double max, int maxTicks = 8)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
            throw new ArgumentOutOfRangeException(nameof(min), "Tick range must be finite.");
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTicks, 3);
        if (min > max)
            (min, max) = (max, min);
        // Ranges below ~1e-12 of the magnitude are within a few thousand ulps: too close to
        // split into distinct ticks; treat them as one value and open a window around it.
        double magnitude = Math.Max(Math.Abs(min), Math.Abs(max));
        if (magnitude < 1e-280)
        {
            // Subnormal-scale data: steps would underflow; show a unit window around zero.
            (min, max, magnitude) = (-1, 1, 1);
        }
        if (max - min <= magnitude * 1e-12)
        {
            double center = (min + max) / 2;
            double half = center == 0 ? 1 : NiceAtLeast(Math.Abs(center) * 0.1);
            min = center - half;
            max = center + half;
        }
        double range = max - min;
        if (!double.IsFinite(range))
            throw new ArgumentOutOfRangeException(nameof(max), "Tick range is too wide for double precision.");

        int exponent = (int)Math.Floor(Math.Log10(range / maxTicks)) - 1;
        for (int e = exponent; ; e++)
        {
            foreach (double m in Multipliers)
            {
                double step = Scaled(1, m, e);
                // The epsilons keep a value that sits on a tick (1.0000000002) from pulling in an extra tick.
                double first = Math.Floor(min / step + 1e-9);
                double last = Math.Ceiling(max / step - 1e-9);
                long count = (long)(last - first) + 1;
                if (count <= maxTicks)
                    return Build(first, last, m, e, step);
            }
        }
    }

    /// <summary>
    /// Log-scale ticks at powers of ten covering [<paramref name="min"/>, <paramref name="max"/>] (both &gt; 0).
    /// Wide ranges skip decades; a range within one decade adds 2× and 5× ticks.
    /// </summary>
    public static TickScale Log(double min, double max, int maxTicks = 8)
    {
        if (!(min > 0) || !(max > 0) || !double.IsFinite(min) || !double.IsFinite(max))
            throw new ArgumentOutOfRangeException(nameof(min), "Log ticks need a finite positive range.");
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTicks, 3);
        if (min > max)
            (min, max) = (max, min);
        int lo = (int)Math.Floor(Math.Log10(min) + 1e-9);
        int hi = (int)Math.Ceiling(Math.Log10(max) - 1e-9);
        if (hi <= lo)
            hi = lo + 1;
        int decades = hi - lo;
        var values = new List<double>();
        if (decades <= 2)
        {
            for (int e = lo; e <= hi; e++)
            {
                foreach (double m in Multipliers)
                {
                    double v = Scaled(1, m, e);
                    if (e == hi && m > 1)
                        break;
                    values.Add(v);
                }
            }
            // Trim the 1-2-5 ladder to the ticks just around the data so narrow ranges fill the plot.
            int from = values.FindLastIndex(v => v <= min * (1 + 1e-12));
            int to = values.FindIndex(v => v >= max * (1 - 1e-12));
            if (from == to)
            {
                // A single value on a tick: show one ladder step beside it.
                if (to + 1 < values.Count)
                    to++;
                else
                    from--;
            }
            values = values.GetRange(from, to - from + 1);
            return new TickScale(values[0], values[^1], 1, values, IsLog: true);
        }
        // Aligning to multiples of the stride can add a tick at each end, so grow the stride until it fits.
        int stride = (int)Math.Ceiling(decades / (double)(maxTicks - 1));
        int first, last;
        while (true)
        {
            first = FloorTo(lo, stride);
            last = first + (int)Math.Ceiling((hi - first) / (double)stride) * stride;
            if ((last - first) / stride + 1 <= maxTicks)
                break;
            stride++;
        }
        (lo, hi) = (first, last);
        for (int e = lo; e <= hi; e += stride)
            values.Add(Pow10(e));
        return new TickScale(Pow10(lo), Pow10(hi), stride, values, IsLog: true);
    }

    /// <summary>The smallest 1-2-5 number ≥ <paramref name="value"/> (value &gt; 0).</summary>
    public static double NiceAtLeast(double value)
    {
        if (!(value > 0) || !double.IsFinite(value))
            throw new ArgumentOutOfRangeException(nameof(value));
        int e = (int)Math.Floor(Math.Log10(value));
        for (int k = e - 1; ; k++)
        {
            foreach (double m in Multipliers)
            {
                double step = Scaled(1, m, k);
                if (step >= value * (1 - 1e-12))
                    return step;
            }
        }
    }

    private static TickScale Build(double first, double last, double m, int e, double step)
    {
        var values = new double[(int)(last - first) + 1];
        for (int i = 0; i < values.Length; i++)
            values[i] = Scaled(first + i, m, e);
        return new TickScale(values[0], values[^1], step, values, IsLog: false);
    }

    // k·m·10^e computed so decimal steps come out as the nearest double (0.3, not 0.30000000000000004):
    // dividing by an exact power of ten rounds once, multiplying by 0.1 rounds twice.
    private static double Scaled(double k, double m, int e) =>
        e >= 0 ? k * m * Pow10(e) : k * m / Pow10(-e);

    private static double Pow10(int e) => Math.Pow(10, e);

    private static int FloorTo(int value, int stride) => (int)Math.Floor(value / (double)stride) * stride;
}
