using System.Text;

namespace Assay.Text.Normalization;

/// <summary>
/// <c>control_chars_v1</c>: removes C0 and C1 control characters except tab, line feed and
/// carriage return, DEL, the byte-order mark U+FEFF, the noncharacters U+FFFE/U+FFFF and unpaired
/// surrogates. Zero-width joiners and other format characters stay: they carry meaning in Indic
/// scripts and emoji.
/// </summary>
public sealed class ControlCharacterRemover : ITextNormalizer
{
    public string Name => "control_chars_v1";

    public string Apply(string text, out int charsChanged)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = FirstRemoved(text, 0);
        charsChanged = 0;
        if (first < 0)
            return text;
        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
                continue;
            }
            if (IsRemoved(c))
                charsChanged++;
            else
                sb.Append(c);
        }
        return sb.ToString();
    }

    private static int FirstRemoved(string text, int from)
    {
        for (int i = from; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (IsRemoved(c))
                return i;
        }
        return -1;
    }

    private static bool IsRemoved(char c) =>
        (c < 0x20 && c is not ('\t' or '\n' or '\r'))
        || (c >= 0x7F && c <= 0x9F)
        || c is '\uFEFF' or '\uFFFE' or '\uFFFF'
        || char.IsSurrogate(c);
}
