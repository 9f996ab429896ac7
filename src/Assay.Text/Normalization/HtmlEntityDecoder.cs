using System.Net;
using System.Text;

namespace Assay.Text.Normalization;

/// <summary>
/// <c>html_entities_v1</c>: decodes character references once (so "&amp;amp;" becomes "&amp;",
/// not "&amp;" twice over). Named references need their semicolon and come from the HTML 4 table
/// (all 253, via <see cref="WebUtility"/>) plus HTML 5 punctuation names common on the web.
/// Numeric references follow HTML 5: 0x80–0x9F mean their windows-1252 characters, NUL, surrogates
/// and values above U+10FFFF become U+FFFD, and a missing semicolon is tolerated.
/// The count is the length of the references replaced.
/// </summary>
public sealed class HtmlEntityDecoder : ITextNormalizer
{
    private const int MaxNameLength = 32;

    private static readonly Dictionary<string, string> Html5Extras = new(StringComparer.Ordinal)
    {
        ["Tab"] = "\t", ["NewLine"] = "\n", ["excl"] = "!", ["num"] = "#", ["dollar"] = "$", ["percnt"] = "%",
        ["lpar"] = "(", ["rpar"] = ")", ["ast"] = "*", ["plus"] = "+", ["comma"] = ",", ["period"] = ".",
        ["sol"] = "/", ["colon"] = ":", ["semi"] = ";", ["equals"] = "=", ["quest"] = "?", ["commat"] = "@",
        ["lsqb"] = "[", ["lbrack"] = "[", ["bsol"] = "\\", ["rsqb"] = "]", ["rbrack"] = "]", ["Hat"] = "^",
        ["lowbar"] = "_", ["grave"] = "`", ["lcub"] = "{", ["lbrace"] = "{", ["verbar"] = "|", ["vert"] = "|",
        ["rcub"] = "}", ["rbrace"] = "}", ["dash"] = "\u2010", ["hyphen"] = "\u2010", ["apos"] = "'",
        ["QUOT"] = "\"", ["AMP"] = "&", ["LT"] = "<", ["GT"] = ">", ["COPY"] = "\u00A9", ["REG"] = "\u00AE",
        ["nbsp"] = "\u00A0", ["NonBreakingSpace"] = "\u00A0", ["ZeroWidthSpace"] = "\u200B", ["bull"] = "\u2022",
    };

    /// <summary>HTML 5's replacements for numeric references 0x80–0x9F (windows-1252); 0 keeps the code point.</summary>
    private static readonly int[] C1Replacements =
    [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];

    public string Name => "html_entities_v1";

    public string Apply(string text, out int charsChanged)
    {
        ArgumentNullException.ThrowIfNull(text);
        charsChanged = 0;
        int amp = text.IndexOf('&');
        if (amp < 0)
            return text;
        var sb = new StringBuilder(text.Length);
        int copied = 0;
        while (amp >= 0)
        {
            if (TryDecode(text, amp, out string? value, out int length))
            {
                sb.Append(text, copied, amp - copied).Append(value);
                charsChanged += length;
                copied = amp + length;
                amp = text.IndexOf('&', copied);
            }
            else
            {
                amp = text.IndexOf('&', amp + 1);
            }
        }
        if (charsChanged == 0)
            return text;
        sb.Append(text, copied, text.Length - copied);
        return sb.ToString();
    }

    private static bool TryDecode(string s, int amp, out string? value, out int length)
    {
        value = null;
        length = 0;
        int i = amp + 1;
        if (i < s.Length && s[i] == '#')
            return TryNumeric(s, amp, out value, out length);
        int start = i;
        while (i < s.Length && i - start <= MaxNameLength && char.IsAsciiLetterOrDigit(s[i]))
            i++;
        if (i == start || i >= s.Length || s[i] != ';')
            return false;
        string name = s[start..i];
        if (!Html5Extras.TryGetValue(name, out value))
        {
            string entity = s[amp..(i + 1)];
            string decoded = WebUtility.HtmlDecode(entity);
            if (decoded == entity)
                return false;
            value = decoded;
        }
        length = i + 1 - amp;
        return true;
    }

    private static bool TryNumeric(string s, int amp, out string? value, out int length)
    {
        value = null;
        length = 0;
        int i = amp + 2;
        bool hex = i < s.Length && (s[i] == 'x' || s[i] == 'X');
        if (hex)
            i++;
        int digitsStart = i;
        long cp = 0;
        while (i < s.Length && (hex ? char.IsAsciiHexDigit(s[i]) : char.IsAsciiDigit(s[i])))
        {
            int digit = char.IsAsciiDigit(s[i]) ? s[i] - '0' : (s[i] | 0x20) - 'a' + 10;
            cp = Math.Min(cp * (hex ? 16 : 10) + digit, 0x110000);
            i++;
        }
        if (i == digitsStart)
            return false;
        if (i < s.Length && s[i] == ';')
            i++;
        if (cp is >= 0x80 and <= 0x9F)
            cp = C1Replacements[cp - 0x80];
        if (cp == 0 || cp > 0x10FFFF || cp is >= 0xD800 and <= 0xDFFF)
            cp = 0xFFFD;
        value = char.ConvertFromUtf32((int)cp);
        length = i - amp;
        return true;
    }
}
