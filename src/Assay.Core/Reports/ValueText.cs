using System.Globalization;

namespace Assay.Core.Reports;

/// <summary>How tables and key-value lists turn values into text: invariant, compact, and marked numeric for alignment.</summary>
internal static class ValueText
{
    public static (string Text, bool Numeric) Format(object? value) => value switch
    {
        null => ("", false),
        string s => (s, false),
        bool b => (b ? "true" : "false", false),
        byte or sbyte or short or ushort or int or uint or long => (NumberFormat.Count(Convert.ToInt64(value, CultureInfo.InvariantCulture)), true),
        ulong u => (u.ToString("#,0", CultureInfo.InvariantCulture), true),
        float f => (NumberFormat.Plain(f), true),
        double d => (NumberFormat.Plain(d), true),
        decimal m => (NumberFormat.Plain((double)m), true),
        DateTimeOffset t => (t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture), false),
        DateTime t => (t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), false),
        TimeSpan t => (FormatDuration(t), false),
        IFormattable f => (f.ToString(null, CultureInfo.InvariantCulture), false),
        _ => (value.ToString() ?? "", false),
    };

    private static string FormatDuration(TimeSpan t)
    {
        if (t.TotalSeconds < 60)
            return t.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture) + " s";
        if (t.TotalHours < 1)
            return string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes} min {t.Seconds} s");
        return string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours} h {t.Minutes} min");
    }
}
