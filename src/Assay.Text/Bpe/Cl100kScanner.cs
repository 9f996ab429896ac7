namespace Assay.Text.Bpe;

/// <summary>
/// Hand-written matcher for js-tiktoken's cl100k_base pattern
/// <c>('s|'S|…|'d|'D)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+</c>,
/// alternatives tried in order exactly as a backtracking engine would.
/// </summary>
internal readonly struct Cl100kScanner : IPieceScanner
{
    public int NextEnd(ReadOnlySpan<char> s, int i)
    {
        var end = ScanHelpers.ContractionAnyCase(s, i);
        if (end >= 0) return end;

        var cls = CharClass.At(s, i, out var w);
        // [^\r\n\p{L}\p{N}]?\p{L}+
        if ((cls & CharClass.Letter) != 0) return ScanHelpers.RunOf(s, i + w, CharClass.Letter);
        if ((cls & (CharClass.Letter | CharClass.Number | CharClass.Newline)) == 0
            && i + w < s.Length && (CharClass.At(s, i + w, out _) & CharClass.Letter) != 0)
            return ScanHelpers.RunOf(s, i + w, CharClass.Letter);
        // \p{N}{1,3}
        if ((cls & CharClass.Number) != 0)
        {
            var j = i + w;
            for (var n = 1; n < 3 && j < s.Length && (CharClass.At(s, j, out var w2) & CharClass.Number) != 0; n++) j += w2;
            return j;
        }
        // ' ?[^\s\p{L}\p{N}]+[\r\n]*'
        if (s[i] == ' ' && ScanHelpers.IsOtherAt(s, i + 1))
            return ScanHelpers.RunOfNewlines(s, ScanHelpers.RunOfOther(s, i + 1));
        if ((cls & CharClass.Space) == 0)
            return ScanHelpers.RunOfNewlines(s, ScanHelpers.RunOfOther(s, i + w));
        return ScanHelpers.WhiteSpace(s, i, newlineAlt: true);
    }
}
