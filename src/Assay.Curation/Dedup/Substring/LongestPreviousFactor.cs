namespace Assay.Curation.Dedup;

/// <summary>
/// Longest previous factor: lpf[s] = max over s′ &lt; s of LCP(suffix s, suffix s′) — the length of
/// the longest substring starting at s that also starts at some earlier position (Crochemore and
/// Ilie 2008). For suffix rank r, the best earlier suffix is the nearest rank on either side whose
/// start is smaller (LCP only shrinks with rank distance), and the LCP to it is the range minimum
/// of the LCP array; two monotone-stack passes find both in linear time.
/// </summary>
internal static class LongestPreviousFactor
{
    public static int[] Build(int[] sa, int[] lcp)
    {
        int n = sa.Length;
        var lpf = new int[n];
        if (n == 0)
            return lpf;
        var stackRank = new int[n];
        var stackLcp = new int[n]; // LCP between the entry and the one above it (or the current rank for the top)
        // Left-to-right: nearest smaller start among lower ranks.
        int top = -1;
        for (int r = 0; r < n; r++)
        {
            int acc = r == 0 ? 0 : lcp[r];
            while (top >= 0 && sa[stackRank[top]] > sa[r])
            {
                top--;
                if (top >= 0)
                    acc = Math.Min(acc, stackLcp[top]);
            }
            if (top >= 0)
            {
                lpf[sa[r]] = acc;
                stackLcp[top] = acc;
            }
            stackRank[++top] = r;
        }
        // Right-to-left: nearest smaller start among higher ranks; LCP(r, r + 1) = lcp[r + 1].
        top = -1;
        for (int r = n - 1; r >= 0; r--)
        {
            int acc = r == n - 1 ? 0 : lcp[r + 1];
            while (top >= 0 && sa[stackRank[top]] > sa[r])
            {
                top--;
                if (top >= 0)
                    acc = Math.Min(acc, stackLcp[top]);
            }
            if (top >= 0)
            {
                lpf[sa[r]] = Math.Max(lpf[sa[r]], acc);
                stackLcp[top] = acc;
            }
            stackRank[++top] = r;
        }
        return lpf;
    }
}
