namespace Assay.Text.Bpe;

/// <summary>
/// Hand-written matcher for the GPT-2 pattern shared by r50k_base and p50k_base:
/// <c>'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+</c>.
/// </summary>
internal readonly struct R50kScanner : IPieceScanner
{
    public int NextEnd(ReadOnlySpan<char> s, int i)
    {
        var end = ScanHelpers.ContractionLower(s, i);
        if (end >= 0) return end;

        var cls = CharClass.At(s, i, out var w);
        if (s[i] == ' ' && i + 1 < s.Length)
        {
            var next = CharClass.At(s, i + 1, out _);
            if ((next & CharClass.Letter) != 0) return ScanHelpers.RunOf(s, i + 1, CharClass.Letter);
            if ((next & CharClass.Number) != 0) return ScanHelpers.RunOf(s, i + 1, CharClass.Number);
            if ((next & CharClass.Space) == 0) return ScanHelpers.RunOfOther(s, i + 1);
        }
        if ((cls & CharClass.Letter) != 0) return ScanHelpers.RunOf(s, i + w, CharClass.Letter);
        if ((cls & CharClass.Number) != 0) return ScanHelpers.RunOf(s, i + w, CharClass.Number);
        if ((cls & CharClass.Space) == 0) return ScanHelpers.RunOfOther(s, i + w);
        return ScanHelpers.WhiteSpace(s, i, newlineAlt: false);
    }
}
