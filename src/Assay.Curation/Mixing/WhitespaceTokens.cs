namespace Assay.Curation.Mixing;

/// <summary>Counts whitespace-separated tokens (maximal runs of non-whitespace characters) without allocating.</summary>
public static class WhitespaceTokens
{
    public static long Count(ReadOnlySpan<char> text)
    {
        long n = 0;
        bool inToken = false;
        foreach (var c in text)
        {
            bool ws = char.IsWhiteSpace(c);
            if (!ws && !inToken) n++;
            inToken = !ws;
        }
        return n;
    }
}
