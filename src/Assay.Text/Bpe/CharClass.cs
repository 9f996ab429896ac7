using System.Globalization;
using System.Runtime.CompilerServices;

namespace Assay.Text.Bpe;

/// <summary>
/// The character classes the tiktoken patterns test, as bit flags per code point, with the
/// semantics of a JavaScript regex under the <c>u</c> flag (what js-tiktoken runs):
/// <c>\s</c> is the ECMAScript white-space set (it has U+FEFF and lacks U+0085, unlike .NET's
/// <c>\s</c>); lone surrogates are code points of category Cs, so they fall in no class.
/// Categories come from .NET's Unicode tables, which may lag the JS engine's by a version.
/// </summary>
internal static class CharClass
{
    public const byte Letter = 1;      // \p{L}
    public const byte Number = 2;      // \p{N}
    public const byte Space = 4;       // JS \s
    public const byte Newline = 8;     // [\r\n]
    public const byte Upper = 16;      // [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]  (o200k)
    public const byte Lower = 32;      // [\p{Ll}\p{Lm}\p{Lo}\p{M}]       (o200k)

    // One byte per BMP code unit: built once, about 64 KiB, so the scanners never call into
    // CharUnicodeInfo on the hot path except for supplementary-plane code points.
    private static readonly byte[] Bmp = BuildBmp();

    private static byte[] BuildBmp()
    {
        var t = new byte[65536];
        for (var c = 0; c < 65536; c++)
            t[c] = (c >= 0xD800 && c <= 0xDFFF) ? (byte)0 : OfCodePoint(c);
        return t;
    }

    /// <summary>Class bits of a scalar value or surrogate code point, from .NET's tables.</summary>
    public static byte OfCodePoint(int cp)
    {
        if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
        byte bits = 0;
        switch (CharUnicodeInfo.GetUnicodeCategory(cp))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
                bits = Letter | Upper; break;
            case UnicodeCategory.LowercaseLetter:
                bits = Letter | Lower; break;
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
                bits = Letter | Upper | Lower; break;
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.EnclosingMark:
                bits = Upper | Lower; break;
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.OtherNumber:
                bits = Number; break;
        }
        if (IsJsSpace(cp)) bits |= Space;
        if (cp == '\r' || cp == '\n') bits |= Newline;
        return bits;
    }

    /// <summary>ECMAScript WhiteSpace + LineTerminator: what <c>\s</c> matches in JS.</summary>
    public static bool IsJsSpace(int cp) => cp switch
    {
        '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or 0xA0 or 0x1680 or 0x2028 or 0x2029
            or 0x202F or 0x205F or 0x3000 or 0xFEFF => true,
        >= 0x2000 and <= 0x200A => true,
        _ => false,
    };

    /// <summary>Class of the code point at <paramref name="i"/>; <paramref name="width"/> is 2 for a valid surrogate pair, else 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte At(ReadOnlySpan<char> s, int i, out int width)
    {
        var c = s[i];
        if (!char.IsHighSurrogate(c) || i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]))
        {
            width = 1;
            return Bmp[c];
        }
        width = 2;
        return OfCodePoint(char.ConvertToUtf32(c, s[i + 1]));
    }
}
