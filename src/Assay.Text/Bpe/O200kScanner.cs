namespace Assay.Text.Bpe;

/// <summary>
/// Hand-written matcher for js-tiktoken's o200k_base pattern. With P = [^\r\n\p{L}\p{N}],
/// U = [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}], W = [\p{Ll}\p{Lm}\p{Lo}\p{M}] and C the contractions:
/// <c>P?U*W+C?|P?U+W*C?|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+</c>.
/// U and W overlap (Lm, Lo, M), so the first alternative needs the backtracking worked out below.
/// </summary>
internal readonly struct O200kScanner : IPieceScanner
{
    public int NextEnd(ReadOnlySpan<char> s, int i)
    {
        var cls = CharClass.At(s, i, out var w);
        var isP = (cls & (CharClass.Letter | CharClass.Number | CharClass.Newline)) == 0;

        // Alternative 1, trying P taken before P skipped, as the engine does.
        int end;
        if (isP && (end = UpperStarLowerPlus(s, i + w)) >= 0) return Contraction(s, end);
        if ((end = UpperStarLowerPlus(s, i)) >= 0) return Contraction(s, end);
        // Alternative 2: P?U+W*C?
        if (isP && (end = UpperPlusLowerStar(s, i + w)) >= 0) return Contraction(s, end);
        if ((end = UpperPlusLowerStar(s, i)) >= 0) return Contraction(s, end);
        // \p{N}{1,3}
        if ((cls & CharClass.Number) != 0)
        {
            var j = i + w;
            for (var n = 1; n < 3 && j < s.Length && (CharClass.At(s, j, out var w2) & CharClass.Number) != 0; n++) j += w2;
            return j;
        }
        // ' ?[^\s\p{L}\p{N}]+[\r\n/]*'
        if (s[i] == ' ' && ScanHelpers.IsOtherAt(s, i + 1))
            return ScanHelpers.RunOfNewlines(s, ScanHelpers.RunOfOther(s, i + 1), slash: true);
        if ((cls & CharClass.Space) == 0)
            return ScanHelpers.RunOfNewlines(s, ScanHelpers.RunOfOther(s, i + w), slash: true);
        return ScanHelpers.WhiteSpace(s, i, newlineAlt: true);
    }

    /// <summary>
    /// U*W+ from <paramref name="p"/>, or -1. Greedy U* takes the whole U run; if W+ cannot start
    /// right after it, U* backs off to the last run member that is also in W (Lm/Lo/M), and W+
    /// then matches just that one code point, because the next one is in U but not W.
    /// </summary>
    private static int UpperStarLowerPlus(ReadOnlySpan<char> s, int p)
    {
        var j = p;
        var lastBoth = -1;
        while (j < s.Length)
        {
            var c = CharClass.At(s, j, out var w);
            if ((c & CharClass.Upper) == 0) break;
            if ((c & CharClass.Lower) != 0) lastBoth = j + w;
            j += w;
        }
        if (j < s.Length && (CharClass.At(s, j, out _) & CharClass.Lower) != 0)
            return ScanHelpers.RunOf(s, j, CharClass.Lower);
        return lastBoth;
    }

    /// <summary>U+W* from <paramref name="p"/>, or -1 when no U code point is there.</summary>
    private static int UpperPlusLowerStar(ReadOnlySpan<char> s, int p)
    {
        var j = ScanHelpers.RunOf(s, p, CharClass.Upper);
        return j == p ? -1 : ScanHelpers.RunOf(s, j, CharClass.Lower);
    }

    private static int Contraction(ReadOnlySpan<char> s, int end)
    {
        var c = ScanHelpers.ContractionAnyCase(s, end);
        return c >= 0 ? c : end;
    }
}
