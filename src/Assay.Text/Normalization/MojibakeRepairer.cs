using System.Text;

namespace Assay.Text.Normalization;

/// <summary>
/// <c>mojibake_v1</c>: repairs UTF-8 that was decoded as windows-1252 or latin-1 ("cafÃ©" → "café",
/// "â€™" → "’"), the main case ftfy fixes. Every character is mapped back to the byte it came from
/// (windows-1252, with latin-1's C1 controls for the five bytes windows-1252 leaves undefined); each
/// run of those bytes that forms a valid multi-byte UTF-8 sequence is replaced by its character.
/// Text that is legitimately latin-1 ("café") is left alone because a lone accented letter is never
/// valid UTF-8. Repeats up to three times for text that was mis-decoded more than once.
/// The count is the input characters replaced.
/// </summary>
public sealed class MojibakeRepairer : ITextNormalizer
{
    private const int MaxPasses = 3;

    private static readonly Dictionary<char, byte> Cp1252High = BuildCp1252();

    public string Name => "mojibake_v1";

    public string Apply(string text, out int charsChanged)
    {
        ArgumentNullException.ThrowIfNull(text);
        charsChanged = 0;
        string current = text;
        for (int pass = 0; pass < MaxPasses; pass++)
        {
            string next = Pass(current, out int changed);
            if (changed == 0)
                break;
            // Later passes re-repair characters the first pass produced; count input characters once.
            if (pass == 0)
                charsChanged = changed;
            current = next;
        }
        return current;
    }

    private static string Pass(string text, out int changed)
    {
        changed = 0;
        StringBuilder? sb = null;
        int copied = 0;
        Span<byte> bytes = stackalloc byte[4];
        for (int i = 0; i < text.Length; i++)
        {
            if (!TryByte(text[i], out byte lead) || lead < 0xC2 || lead > 0xF4)
                continue;
            int need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
            if (i + need > text.Length)
                continue;
            bytes[0] = lead;
            bool ok = true;
            for (int j = 1; j < need && ok; j++)
                ok = TryByte(text[i + j], out bytes[j]) && (bytes[j] & 0xC0) == 0x80;
            if (!ok || !TryDecode(bytes[..need], out string? decoded))
                continue;
            sb ??= new StringBuilder(text.Length);
            sb.Append(text, copied, i - copied).Append(decoded);
            changed += need;
            i += need - 1;
            copied = i + 1;
        }
        if (sb is null)
            return text;
        sb.Append(text, copied, text.Length - copied);
        return sb.ToString();
    }

    private static bool TryDecode(ReadOnlySpan<byte> utf8, out string? decoded)
    {
        decoded = null;
        if (System.Text.Unicode.Utf8.IsValid(utf8))
        {
            decoded = Encoding.UTF8.GetString(utf8);
            return true;
        }
        return false;
    }

    /// <summary>The windows-1252 byte a character would have been decoded from (latin-1 for 0x80–0x9F).</summary>
    private static bool TryByte(char c, out byte b)
    {
        if (c < 0x100)
        {
            b = (byte)c;
            return true;
        }
        return Cp1252High.TryGetValue(c, out b);
    }

    private static Dictionary<char, byte> BuildCp1252()
    {
        // windows-1252 0x80–0x9F; the five undefined bytes decode to C1 controls and are covered by latin-1.
        const string High = "\u20AC\0\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\0\u017D\0"
                          + "\0\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\0\u017E\u0178";
        var map = new Dictionary<char, byte>();
        for (int i = 0; i < High.Length; i++)
            if (High[i] != '\0')
                map[High[i]] = (byte)(0x80 + i);
        return map;
    }
}
