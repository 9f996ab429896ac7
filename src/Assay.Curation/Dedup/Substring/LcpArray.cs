using System.Numerics;

namespace Assay.Curation.Dedup;

/// <summary>
/// Longest-common-prefix array by Kasai et al. (2001): lcp[i] = LCP of suffixes sa[i − 1] and
/// sa[i], lcp[0] = 0. Linear time, one extra int array (the rank).
/// </summary>
public static class LcpArray
{
    public static int[] Build<T>(ReadOnlySpan<T> text, int[] sa) where T : unmanaged, IBinaryInteger<T>
    {
        int n = text.Length;
        if (sa.Length != n)
            throw new ArgumentException($"suffix array length {sa.Length} != text length {n}", nameof(sa));
        var rank = new int[n];
        for (int i = 0; i < n; i++)
            rank[sa[i]] = i;
        var lcp = new int[n];
        int h = 0;
        for (int i = 0; i < n; i++)
        {
            if (h > 0)
                h--;
            int r = rank[i];
            if (r == 0)
            {
                h = 0;
                continue;
            }
            int j = sa[r - 1];
            while (i + h < n && j + h < n && text[i + h] == text[j + h])
                h++;
            lcp[r] = h;
        }
        return lcp;
    }

    /// <summary>Reference: direct comparison of neighbouring suffixes.</summary>
    public static int[] BuildNaive<T>(ReadOnlySpan<T> text, int[] sa) where T : unmanaged, IBinaryInteger<T>
    {
        var lcp = new int[sa.Length];
        for (int i = 1; i < sa.Length; i++)
        {
            int a = sa[i - 1], b = sa[i], h = 0;
            while (a + h < text.Length && b + h < text.Length && text[a + h] == text[b + h])
                h++;
            lcp[i] = h;
        }
        return lcp;
    }
}
