using System.Globalization;
using System.Text;

namespace Assay.Text.Normalization;

/// <summary>
/// <c>whitespace_v1</c>: every horizontal whitespace character (tab, no-break space, the U+2000
/// family, ideographic space, ...) becomes one ASCII space and runs collapse to one; spaces at the
/// start and end of lines go; more than two consecutive line breaks become two (one blank line);
/// the text is trimmed. Expects "\n" line endings (run <see cref="LineEndingNormalizer"/> first).
/// The count is input characters removed or replaced.
/// </summary>
public sealed class WhitespaceNormalizer : ITextNormalizer
{
    private const int MaxNewlines = 2;

    public string Name => "whitespace_v1";

    public string Apply(string text, out int charsChanged)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        int changed = 0;
        int pendingSpaces = 0;      // input whitespace chars seen since the last kept char
        bool pendingIsPlainSpace = true;
        int newlines = 0;           // consecutive "\n" kept
        bool atLineStart = true;
        foreach (char c in text)
        {
            if (c == '\n')
            {
                changed += pendingSpaces;  // trailing spaces of the line
                pendingSpaces = 0;
                pendingIsPlainSpace = true;
                if (sb.Length == 0 || newlines >= MaxNewlines)
                    changed++;
                else
                {
                    sb.Append('\n');
                    newlines++;
                }
                atLineStart = true;
            }
            else if (IsHorizontalSpace(c))
            {
                pendingSpaces++;
                pendingIsPlainSpace &= c == ' ';
            }
            else
            {
                if (pendingSpaces > 0)
                {
                    if (atLineStart)
                        changed += pendingSpaces;
                    else
                    {
                        sb.Append(' ');
                        changed += pendingSpaces - (pendingSpaces == 1 && pendingIsPlainSpace ? 1 : 0);
                    }
                }
                pendingSpaces = 0;
                pendingIsPlainSpace = true;
                sb.Append(c);
                newlines = 0;
                atLineStart = false;
            }
        }
        changed += pendingSpaces;
        // Trailing line breaks.
        int end = sb.Length;
        while (end > 0 && sb[end - 1] == '\n')
            end--;
        changed += sb.Length - end;
        sb.Length = end;
        charsChanged = changed;
        return changed == 0 ? text : sb.ToString();
    }

    private static bool IsHorizontalSpace(char c) =>
        c == ' ' || c == '\t' || c == '\v' || c == '\f'
        || (c > 0x7F && c != '\u0085' && c != '\u2028' && c != '\u2029' && char.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator);
}
