using System.Numerics;
using System.Runtime.CompilerServices;

namespace Assay.Curation.Dedup;

/// <summary>
/// Suffix arrays by SA-IS (Nong, Zhang and Chan 2009, "Linear suffix array construction by almost
/// pure induced-sorting"), ported from the AtCoder Library's <c>sa_is</c> (CC0): linear time,
/// works over any integer alphabet [0, upper], so the same code sorts raw bytes and token ids or
/// bytes with per-document separator symbols. The naive sort stays beside it as the reference.
/// </summary>
public static class SuffixArray
{
    public static int[] Build(ReadOnlySpan<byte> text) => SaIs(text, 255);

    /// <summary>Suffix array of integer symbols in [0, <paramref name="upper"/>].</summary>
    public static int[] Build(ReadOnlySpan<int> text, int upper)
    {
        foreach (int c in text)
        {
            if ((uint)c > (uint)upper)
                throw new ArgumentOutOfRangeException(nameof(text), c, $"symbol outside [0, {upper}]");
        }
        return SaIs(text, upper);
    }

    /// <summary>Reference: sorts suffix start positions by direct comparison (O(n² log n)).</summary>
    public static int[] BuildNaive<T>(ReadOnlySpan<T> text) where T : unmanaged, IBinaryInteger<T>
    {
        var copy = text.ToArray();
        var sa = Enumerable.Range(0, copy.Length).ToArray();
        Array.Sort(sa, (a, b) => a == b ? 0 : copy.AsSpan(a).SequenceCompareTo(copy.AsSpan(b)));
        return sa;
    }

    // Called a handful of times per build, each call long: skip tiered JIT's unoptimized first tier.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] SaIs<T>(ReadOnlySpan<T> s, int upper) where T : unmanaged, IBinaryInteger<T>
    {
        int n = s.Length;
        if (n == 0)
            return [];
        if (n == 1)
            return [0];
        if (n == 2)
            return s[0] < s[1] ? [0, 1] : [1, 0];
        if (n < 10)
            return BuildNaive(s);

        var sa = new int[n];
        var ls = new bool[n]; // true = S-type
        for (int i = n - 2; i >= 0; i--)
            ls[i] = s[i] == s[i + 1] ? ls[i + 1] : s[i] < s[i + 1];
        var sumL = new int[upper + 2];
        var sumS = new int[upper + 2];
        for (int i = 0; i < n; i++)
        {
            int c = int.CreateTruncating(s[i]);
            if (!ls[i])
                sumS[c]++;
            else
                sumL[c + 1]++;
        }
        for (int i = 0; i <= upper; i++)
        {
            sumS[i] += sumL[i];
            if (i < upper)
                sumL[i + 1] += sumS[i];
        }

        var lmsMap = new int[n + 1];
        Array.Fill(lmsMap, -1);
        int m = 0;
        for (int i = 1; i < n; i++)
        {
            if (!ls[i - 1] && ls[i])
                lmsMap[i] = m++;
        }
        var lms = new int[m];
        for (int i = 1, j = 0; i < n; i++)
        {
            if (!ls[i - 1] && ls[i])
                lms[j++] = i;
        }
        // code[i] = symbol·2 + S-type: the induce passes then make one random read per suffix
        // instead of two (symbol and type live in different arrays otherwise).
        var code = new int[n];
        for (int i = 0; i < n; i++)
            code[i] = (int.CreateTruncating(s[i]) << 1) | (ls[i] ? 1 : 0);
        var buf = new int[upper + 2];
        Induce(code, sa, sumS, sumL, buf, lms, upper);

        if (m > 0)
        {
            var sortedLms = new int[m];
            int k = 0;
            foreach (int v in sa)
            {
                if (v > 0 && (code[v] & 1) != 0 && (code[v - 1] & 1) == 0)
                    sortedLms[k++] = v;
            }
            var recS = new int[m];
            int recUpper = 0;
            recS[lmsMap[sortedLms[0]]] = 0;
            for (int i = 1; i < m; i++)
            {
                int l = sortedLms[i - 1], r = sortedLms[i];
                int endL = lmsMap[l] + 1 < m ? lms[lmsMap[l] + 1] : n;
                int endR = lmsMap[r] + 1 < m ? lms[lmsMap[r] + 1] : n;
                bool same = true;
                if (endL - l != endR - r)
                {
                    same = false;
                }
                else
                {
                    while (l < endL && s[l] == s[r])
                    {
                        l++;
                        r++;
                    }
                    if (l == n || s[l] != s[r])
                        same = false;
                }
                if (!same)
                    recUpper++;
                recS[lmsMap[sortedLms[i]]] = recUpper;
            }
            var recSa = SaIs<int>(recS, recUpper);
            for (int i = 0; i < m; i++)
                sortedLms[i] = lms[recSa[i]];
            Induce(code, sa, sumS, sumL, buf, sortedLms, upper);
        }
        return sa;
    }

    // Bounds checks dominate the induce passes (random writes into sa), hence raw pointers;
    // every index is in range by the SA-IS invariants (bucket heads/tails stay within [0, n)).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Induce(int[] code, int[] sa, int[] sumS, int[] sumL, int[] buf, int[] lms, int upper)
    {
        int n = code.Length;
        Array.Fill(sa, -1);
        Array.Copy(sumS, buf, upper + 1);
        fixed (int* pc = code)
        fixed (int* psa = sa)
        fixed (int* pbuf = buf)
        {
            foreach (int d in lms)
            {
                if (d == n)
                    continue;
                psa[pbuf[pc[d] >> 1]++] = d;
            }
            Array.Copy(sumL, buf, upper + 1);
            psa[pbuf[pc[n - 1] >> 1]++] = n - 1;
            for (int i = 0; i < n; i++)
            {
                int v = psa[i];
                if (v >= 1)
                {
                    int c = pc[v - 1];
                    if ((c & 1) == 0)
                        psa[pbuf[c >> 1]++] = v - 1;
                }
            }
            Array.Copy(sumL, buf, upper + 1);
            for (int i = n - 1; i >= 0; i--)
            {
                int v = psa[i];
                if (v >= 1)
                {
                    int c = pc[v - 1];
                    if ((c & 1) != 0)
                        psa[--pbuf[(c >> 1) + 1]] = v - 1;
                }
            }
        }
    }
}
