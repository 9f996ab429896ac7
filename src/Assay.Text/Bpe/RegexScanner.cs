using System.Text;
using System.Text.RegularExpressions;

namespace Assay.Text.Bpe;

/// <summary>
/// Pre-tokenizer for any pattern, through .NET's Regex: the fallback for patterns that have no
/// hand-written scanner, and the reference the scanners are tested against. The JS pattern is
/// translated so <c>\s</c>/<c>\S</c> keep their ECMAScript meaning. Limitation: .NET regex works on
/// UTF-16 code units, so supplementary-plane letters and numbers do not match <c>\p{L}</c>/<c>\p{N}</c>;
/// the hand-written scanners do not share that limitation.
/// </summary>
internal sealed class RegexScanner : IPieceScanner
{
    private const string JsSpaceSet = @"\t\n\v\f\r \u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";

    private readonly Regex _regex;

    public RegexScanner(string jsPattern)
    {
        _regex = new Regex(TranslateJsPattern(jsPattern), RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    public int NextEnd(ReadOnlySpan<char> text, int start)
    {
        // Regex has no span-with-offset match returning a length, so enumerate from start;
        // fine for a fallback, and the first match is all we need.
        foreach (var m in _regex.EnumerateMatches(text[start..]))
        {
            // A JS regex skips code points no alternative matches; those chars form no piece, and
            // we mirror that by returning the complement of where the next match starts.
            if (m.Index > 0) return ~(start + m.Index);
            if (m.Length > 0) return start + m.Length;
            // An empty match encodes to nothing, and JS's matchAll then steps one code point on,
            // so that code point is in no piece either.
            var step = char.IsHighSurrogate(text[start]) && start + 1 < text.Length && char.IsLowSurrogate(text[start + 1]) ? 2 : 1;
            return ~(start + step);
        }
        return ~text.Length;
    }

    /// <summary>Rewrites \s and \S into explicit classes with the JS white-space set.</summary>
    public static string TranslateJsPattern(string js)
    {
        var sb = new StringBuilder(js.Length + 64);
        var inClass = false;
        for (var i = 0; i < js.Length; i++)
        {
            var c = js[i];
            if (c == '\\' && i + 1 < js.Length)
            {
                var d = js[i + 1];
                i++;
                if (d == 's') sb.Append(inClass ? JsSpaceSet : "[" + JsSpaceSet + "]");
                else if (d == 'S' && !inClass) sb.Append("[^" + JsSpaceSet + "]");
                else if (d == 'S') throw new NotSupportedException(@"\S inside a character class is not supported.");
                else sb.Append(c).Append(d);
                continue;
            }
            if (c == '[' && !inClass) inClass = true;
            else if (c == ']' && inClass) inClass = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
