namespace Assay.Curation.Filters.Text;

/// <summary>
/// Python string semantics the published filters rely on (datatrove is Python): <c>str.splitlines()</c>,
/// <c>str.strip()</c>, <c>str.count()</c>. Lengths are UTF-16 units, not code points (astral chars count 2).
/// </summary>
public static class PythonText
{
    /// <summary>Line breaks of <c>str.splitlines()</c>: \n \r \v \f \x1c \x1d \x1e \x85 \u2028 \u2029 (and \r\n as one).</summary>
    public static bool IsLineBreak(char c) =>
        c is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029';

    /// <summary>Python's <c>str.isspace()</c>: .NET whitespace plus the separators \x1c..\x1f.</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is >= '\x1c' and <= '\x1f';

    /// <summary>
    /// Visits the lines of <c>str.splitlines()</c> as (start, length) ranges; like Python, a trailing
    /// break does not make an extra empty line and "" has no lines.
    /// </summary>
    public static int SplitLines(ReadOnlySpan<char> text, List<Range> lines)
    {
        lines.Clear();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (!IsLineBreak(c)) continue;
            lines.Add(new Range(start, i));
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
        }
        if (start < text.Length) lines.Add(new Range(start, text.Length));
        return lines.Count;
    }

    public static ReadOnlySpan<char> Strip(ReadOnlySpan<char> s) => StripEnd(StripStart(s));

    public static ReadOnlySpan<char> StripStart(ReadOnlySpan<char> s)
    {
        int i = 0;
        while (i < s.Length && IsSpace(s[i])) i++;
        return s[i..];
    }

    public static ReadOnlySpan<char> StripEnd(ReadOnlySpan<char> s)
    {
        int j = s.Length;
        while (j > 0 && IsSpace(s[j - 1])) j--;
        return s[..j];
    }

    /// <summary>Non-overlapping occurrences, as <c>str.count(sub)</c>.</summary>
    public static int Count(ReadOnlySpan<char> text, ReadOnlySpan<char> sub)
    {
        int n = 0, at;
        while ((at = text.IndexOf(sub, StringComparison.Ordinal)) >= 0)
        {
            n++;
            text = text[(at + sub.Length)..];
        }
        return n;
    }
}
