using System.Runtime.CompilerServices;

namespace Assay.Text.Bpe;

/// <summary>Run-scanning pieces shared by the hand-written pattern scanners.</summary>
internal static class ScanHelpers
{
    /// <summary>End of the maximal run of code points whose class has any bit of <paramref name="mask"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int RunOf(ReadOnlySpan<char> s, int i, byte mask)
    {
        while (i < s.Length && (CharClass.At(s, i, out var w) & mask) != 0) i += w;
        return i;
    }

    /// <summary>End of the maximal run of "other" code points: not a letter, number or JS white space.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int RunOfOther(ReadOnlySpan<char> s, int i)
    {
        const byte notOther = CharClass.Letter | CharClass.Number | CharClass.Space;
        while (i < s.Length && (CharClass.At(s, i, out var w) & notOther) == 0) i += w;
        return i;
    }

    /// <summary>End of the maximal run of \r / \n (and '/' when <paramref name="slash"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int RunOfNewlines(ReadOnlySpan<char> s, int i, bool slash = false)
    {
        while (i < s.Length && (s[i] == '\r' || s[i] == '\n' || (slash && s[i] == '/'))) i++;
        return i;
    }

    /// <summary>True when the code point at <paramref name="i"/> exists and is "other" (not L, N, \s).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsOtherAt(ReadOnlySpan<char> s, int i) =>
        i < s.Length && (CharClass.At(s, i, out _) & (CharClass.Letter | CharClass.Number | CharClass.Space)) == 0;

    /// <summary>
    /// The three white-space alternatives every tiktoken pattern ends with, starting on a \s code point:
    /// <c>\s*[\r\n]+</c> (only when <paramref name="newlineAlt"/>), then <c>\s+(?!\S)</c>, then <c>\s+</c>.
    /// All JS white space is in the BMP, so stepping back one char is stepping back one code point.
    /// </summary>
    public static int WhiteSpace(ReadOnlySpan<char> s, int i, bool newlineAlt)
    {
        var j = i;
        var lastNewline = -1;
        while (j < s.Length && (CharClass.At(s, j, out _) & CharClass.Space) != 0)
        {
            if (s[j] == '\r' || s[j] == '\n') lastNewline = j;
            j++;
        }
        // \s*[\r\n]+ : greedy \s* backs off to the last newline of the run, which [\r\n]+ then takes.
        if (newlineAlt && lastNewline >= 0) return lastNewline + 1;
        // \s+(?!\S) : at the end of text the whole run; otherwise leave the last space to the next piece.
        if (j == s.Length || j - i == 1) return j;
        return j - 1;
    }

    /// <summary>
    /// The enumerated contraction alternatives of js-tiktoken's cl100k/o200k patterns
    /// ('s 'S 't 'T 're 'rE 'Re 'RE 've … 'll … 'd 'D): ASCII only, any case. Returns the end, or -1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ContractionAnyCase(ReadOnlySpan<char> s, int i)
    {
        if (i + 1 >= s.Length || s[i] != '\'') return -1;
        var d = s[i + 1];
        if (d is 's' or 'S' or 't' or 'T' or 'm' or 'M' or 'd' or 'D') return i + 2;
        if (i + 2 >= s.Length) return -1;
        var e = s[i + 2];
        if ((d is 'r' or 'R' || d is 'v' or 'V') && e is 'e' or 'E') return i + 3;
        if (d is 'l' or 'L' && e is 'l' or 'L') return i + 3;
        return -1;
    }

    /// <summary>The lower-case-only contractions of the GPT-2 pattern: 's 't 're 've 'm 'll 'd. Returns the end, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ContractionLower(ReadOnlySpan<char> s, int i)
    {
        if (i + 1 >= s.Length || s[i] != '\'') return -1;
        var d = s[i + 1];
        if (d is 's' or 't' or 'm' or 'd') return i + 2;
        if (i + 2 >= s.Length) return -1;
        var e = s[i + 2];
        if ((d == 'r' || d == 'v') && e == 'e') return i + 3;
        if (d == 'l' && e == 'l') return i + 3;
        return -1;
    }
}
