using System.Text;

namespace Assay.Text.Normalization;

/// <summary>
/// <c>line_endings_v1</c>: CRLF, lone CR, NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH
/// SEPARATOR (U+2029) become "\n". A CRLF counts as two changed characters.
/// </summary>
public sealed class LineEndingNormalizer : ITextNormalizer
{
    public string Name => "line_endings_v1";

    public string Apply(string text, out int charsChanged)
    {
        ArgumentNullException.ThrowIfNull(text);
        charsChanged = 0;
        int first = text.AsSpan().IndexOfAny("\r\u0085\u2028\u2029");
        if (first < 0)
            return text;
        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    sb.Append('\n');
                    charsChanged += 2;
                    i++;
                    break;
                case '\r' or '\u0085' or '\u2028' or '\u2029':
                    sb.Append('\n');
                    charsChanged++;
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }
}
