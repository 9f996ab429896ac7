using System.Globalization;

namespace Assay.Core.Reports;

/// <summary>
/// Culture-invariant number formatting for charts and tables. Every number a report shows
/// goes through here so that output is byte-identical on every machine.
/// </summary>
public static class NumberFormat
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    // Suffixes follow ML usage ("7B parameters") rather than SI ("G").
    private static readonly (double Scale, string Suffix)[] Suffixes =
    [
        (1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k"),
    ];

    /// <summary>
    /// Short form with at most three significant digits: 1234 → "1.23k", 5e6 → "5M",
    /// 0.0123 → "0.0123", 2e-7 → "2e-7". NaN and infinities are spelled out.
    /// </summary>
    public static string Compact(double value)
    {
        if (double.IsNaN(value))
            return "NaN";
        if (double.IsInfinity(value))
            return value > 0 ? "∞" : "-∞";
        double abs = Math.Abs(value);
        if (abs == 0)
            return "0";
        foreach (var (scale, suffix) in Suffixes)
        {
            // Round first so 999,999 becomes "1M" rather than "1000k".
            if (RoundSignificant(abs, 3) >= scale)
                return Significant(value / scale, 3) + suffix;
        }
        if (abs < 1e-3)
            return FormatExponent(value);
        return Significant(value, 3);
    }

    /// <summary>Integer with thousands separators: 1234567 → "1,234,567".</summary>
    public static string Count(long value) => value.ToString("#,0", Inv);

    /// <summary>A fraction as a percentage with <paramref name="decimals"/> places: 0.1234 → "12.3%".</summary>
    public static string Percent(double fraction, int decimals = 1)
    {
        if (!double.IsFinite(fraction))
            return Compact(fraction);
        return NoNegativeZero((fraction * 100).ToString("F" + decimals.ToString(Inv), Inv)) + "%";
    }

    /// <summary>
    /// A general-purpose number for table cells: 4 significant digits below 1000, whole numbers
    /// with separators up to a million, scientific notation beyond.
    /// </summary>
    public static string Plain(double value)
    {
        if (!double.IsFinite(value))
            return Compact(value);
        double abs = Math.Abs(value);
        if (abs == 0)
            return "0";
        if (abs >= 1e6 || abs < 1e-4)
            return value.ToString("0.###e+0", Inv);
        if (abs >= 1000)
            return NoNegativeZero(value.ToString("#,0", Inv));
        return Significant(value, 4);
    }

    /// <summary>
    /// Formats a set of axis ticks consistently: one suffix chosen by the largest tick,
    /// and just enough decimals to tell neighbouring ticks apart.
    /// </summary>
    public static string[] Ticks(IReadOnlyList<double> ticks, double step)
    {
        var labels = new string[ticks.Count];
        if (ticks.Count == 0)
            return labels;
        double maxAbs = 0;
        foreach (double t in ticks)
            maxAbs = Math.Max(maxAbs, Math.Abs(t));
        double scale = 1;
        string suffix = "";
        foreach (var (s, suf) in Suffixes)
        {
            // Four-digit ticks read better in full ("1,500" rather than "1.5k"), and so do
            // fine steps on large values ("1,000,000,000.01" rather than "1.00000000001B").
            if (maxAbs >= s && maxAbs >= 1e4 && step / s >= 0.01)
            {
                scale = s;
                suffix = suf;
                break;
            }
        }
        double scaledStep = step / scale;
        bool tiny = maxAbs < 1e-3 && maxAbs > 0;
        // Enough decimals to write the step exactly (2.5k needs one, 2k none).
        int decimals = 0;
        if (scaledStep > 0 && double.IsFinite(scaledStep))
        {
            while (decimals < 12 && Math.Abs(Math.Round(scaledStep, decimals) - scaledStep) > scaledStep * 1e-9)
                decimals++;
        }
        for (int i = 0; i < ticks.Count; i++)
        {
            double v = ticks[i];
            if (v == 0)
                labels[i] = "0";
            else if (tiny)
                labels[i] = FormatExponent(v);
            else
                labels[i] = NoNegativeZero((v / scale).ToString((scale == 1 ? "#,0." : "0.") + new string('0', decimals), Inv)) + suffix;
        }
        return labels;
    }

    private static string Significant(double value, int digits)
    {
        double rounded = RoundSignificant(value, digits);
        int magnitude = rounded == 0 ? 0 : (int)Math.Floor(Math.Log10(Math.Abs(rounded)));
        int decimals = Math.Clamp(digits - 1 - magnitude, 0, 15);
        string s = rounded.ToString("F" + decimals.ToString(Inv), Inv);
        if (s.Contains('.'))
            s = s.TrimEnd('0').TrimEnd('.');
        return NoNegativeZero(s);
    }

    private static double RoundSignificant(double value, int digits)
    {
        if (value == 0 || !double.IsFinite(value))
            return value;
        int magnitude = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        int decimals = digits - 1 - magnitude;
        if (decimals >= 0 && decimals <= 15)
            return Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        double factor = Math.Pow(10, decimals);
        return Math.Round(value * factor, MidpointRounding.AwayFromZero) / factor;
    }

    private static string FormatExponent(double value)
    {
        // "2e-7" reads better in a tick label than "2E-007".
        string s = value.ToString("0.##e+0", Inv);
        return s.Replace("e+", "e", StringComparison.Ordinal);
    }

    private static string NoNegativeZero(string s) =>
        s.StartsWith('-') && s.AsSpan(1).IndexOfAnyExcept("0.%") < 0 ? s[1..] : s;
}
