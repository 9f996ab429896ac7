using System.Globalization;

namespace Assay.Curation.Pipeline;

/// <summary>Parses sizes like <c>64MB</c>, <c>1.5G</c>, <c>500k</c>, <c>1_000_000</c> (binary multiples: 1K = 1024).</summary>
public static class SizeParser
{
    public static bool TryParse(string text, out long value)
    {
        value = 0;
        var s = text.Replace("_", "").Trim().ToUpperInvariant();
        if (s.EndsWith("IB", StringComparison.Ordinal)) s = s[..^2];
        else if (s.EndsWith('B')) s = s[..^1];
        long mult = 1;
        if (s.Length > 0 && "KMGT".Contains(s[^1]))
        {
            mult = s[^1] switch { 'K' => 1L << 10, 'M' => 1L << 20, 'G' => 1L << 30, _ => 1L << 40 };
            s = s[..^1];
        }
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) || d < 0 || d * mult > long.MaxValue) return false;
        value = (long)Math.Round(d * mult);
        return true;
    }
}
