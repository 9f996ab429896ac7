using System.Text;

namespace Assay.Core.Reports;

/// <summary>
/// Escaping for text placed in HTML or SVG. One function serves both because the report
/// embeds SVG inline, and the same string must be safe in element content and in
/// double- or single-quoted attributes.
/// </summary>
public static class Markup
{
    /// <summary>Escapes <c>&amp; &lt; &gt; " '</c> and replaces characters XML forbids.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        if (!NeedsWork(text))
            return text;
        var sb = new StringBuilder(text.Length + 16);
        Append(sb, text);
        return sb.ToString();
    }

    /// <summary>Appends <paramref name="text"/> escaped; see <see cref="Escape"/>.</summary>
    public static void Append(StringBuilder sb, string? text)
    {
        if (string.IsNullOrEmpty(text))
            return;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                case '\t' or '\n' or '\r': sb.Append(c); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[++i]);
                    }
                    else if (IsForbidden(c))
                    {
                        // Control characters and lone surrogates make the SVG unparseable;
                        // user data (scraped text) contains them surprisingly often.
                        sb.Append('\uFFFD');
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
    }

    /// <summary>
    /// Shortens <paramref name="text"/> to at most <paramref name="maxChars"/> UTF-16 units
    /// (never splitting a surrogate pair) and appends an ellipsis with the number cut.
    /// Returns unescaped text.
    /// </summary>
    public static string Truncate(string? text, int maxChars)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxChars);
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        if (text.Length <= maxChars)
            return text;
        int cut = maxChars;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
            cut--;
        int omitted = text.Length - cut;
        return string.Concat(text.AsSpan(0, cut), "… (+", omitted.ToString(System.Globalization.CultureInfo.InvariantCulture), " chars)");
    }

    /// <summary>Shortens a label to fit <paramref name="maxChars"/> including a trailing ellipsis.</summary>
    internal static string Ellipsize(string text, int maxChars)
    {
        if (text.Length <= maxChars || maxChars < 2)
            return text;
        int cut = maxChars - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
            cut--;
        return string.Concat(text.AsSpan(0, cut), "…");
    }

    private static bool NeedsWork(string text)
    {
        foreach (char c in text)
        {
            if (c is '&' or '<' or '>' or '"' or '\'' || char.IsSurrogate(c) || IsForbidden(c))
                return true;
        }
        return false;
    }

    private static bool IsForbidden(char c) =>
        (c < 0x20 && c is not ('\t' or '\n' or '\r')) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF';
}
