using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

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
        // code[i] = symbol·2 + (1 if S-type): symbol and type in one value, so the induce passes make
        // one random read per suffix instead of two; 16-bit codes (bytes, small recursion levels)
        // halve the memory those reads touch.
        return (upper << 1 | 1) <= ushort.MaxValue ? Core(Code<T, ushort>(s), upper) : Core(Code<T, int>(s), upper);
    }

    private static TCode[] Code<T, TCode>(ReadOnlySpan<T> s)
        where T : unmanaged, IBinaryInteger<T>
        where TCode : unmanaged, IBinaryInteger<TCode>
    {
        int n = s.Length;
        var code = GC.AllocateUninitializedArray<TCode>(n); // every element written below
        int prev = int.CreateTruncating(s[n - 1]) << 1;
        code[n - 1] = TCode.CreateTruncating(prev);
        for (int i = n - 2; i >= 0; i--)
        {
            int c = int.CreateTruncating(s[i]);
            bool sType = c == prev >> 1 ? (prev & 1) != 0 : c < prev >> 1;
            prev = (c << 1) | (sType ? 1 : 0);
            code[i] = TCode.CreateTruncating(prev);
        }
        return code;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int I<TCode>(TCode c) where TCode : unmanaged, IBinaryInteger<TCode> => int.CreateTruncating(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLms<TCode>(TCode[] code, int i) where TCode : unmanaged, IBinaryInteger<TCode> =>
        i > 0 && (I(code[i]) & 1) != 0 && (I(code[i - 1]) & 1) == 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] Core<TCode>(TCode[] code, int upper) where TCode : unmanaged, IBinaryInteger<TCode>
    {
        int n = code.Length;
        var sumL = new int[upper + 2];
        var sumS = new int[upper + 2];
        int m = 0;
        for (int i = 0; i < n; i++)
        {
            int c = I(code[i]);
            if ((c & 1) == 0)
                sumS[c >> 1]++;
            else
                sumL[(c >> 1) + 1]++;
            if (IsLms(code, i))
                m++;
        }
        for (int i = 0; i <= upper; i++)
        {
            sumS[i] += sumL[i];
            if (i < upper)
                sumL[i + 1] += sumS[i];
        }
        var lms = new int[m];
        for (int i = 1, j = 0; i < n; i++)
        {
            if (IsLms(code, i))
                lms[j++] = i;
        }
        // Filled with -1 by Induce before use; skipping the zeroing saves a pass over 4n bytes.
        var sa = GC.AllocateUninitializedArray<int>(n);
        var buf = new int[upper + 2];
        Induce(code, sa, sumS, sumL, buf, lms, upper);
        if (m == 0)
            return sa;

        var sortedLms = GC.AllocateUninitializedArray<int>(m);
        int k = 0;
        foreach (int v in sa)
        {
            if (IsLms(code, v))
                sortedLms[k++] = v;
        }
        // LMS positions are at least 2 apart, so per-LMS data fits in arrays indexed by p / 2:
        // the end of each LMS substring (next LMS position, or n), then its name.
        var slot = GC.AllocateUninitializedArray<int>(n / 2 + 1); // only LMS slots are written and read
        for (int i = 0; i < m; i++)
            slot[lms[i] >> 1] = i + 1 < m ? lms[i + 1] : n;
        var names = GC.AllocateUninitializedArray<int>(n / 2 + 1);
        int recUpper = 0;
        names[sortedLms[0] >> 1] = 0;
        for (int i = 1; i < m; i++)
        {
            int l = sortedLms[i - 1], r = sortedLms[i];
            int endL = slot[l >> 1], endR = slot[r >> 1];
            bool same = endL - l == endR - r;
            if (same)
            {
                // Equal when symbols and types agree up to the end, and the end symbols agree.
                while (l < endL && code[l] == code[r])
                {
                    l++;
                    r++;
                }
                if (l < endL || l == n || r == n || I(code[l]) >> 1 != I(code[r]) >> 1)
                    same = false;
            }
            if (!same)
                recUpper++;
            names[sortedLms[i] >> 1] = recUpper;
        }
        var recS = new int[m];
        for (int i = 0; i < m; i++)
            recS[i] = names[lms[i] >> 1];
        slot = names = null!;
        var recSa = SaIs<int>(recS, recUpper);
        for (int i = 0; i < m; i++)
            sortedLms[i] = lms[recSa[i]];
        Induce(code, sa, sumS, sumL, buf, sortedLms, upper);
        return sa;
    }

    private const int PrefetchDistance = 32;

    // Bounds checks dominate the induce passes (random writes into sa), hence raw pointers;
    // every index is in range by the SA-IS invariants (bucket heads/tails stay within [0, n)).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Induce<TCode>(TCode[] code, int[] sa, int[] sumS, int[] sumL, int[] buf, int[] lms, int upper)
        where TCode : unmanaged, IBinaryInteger<TCode>
    {
        int n = code.Length;
        Array.Fill(sa, -1);
        Array.Copy(sumS, buf, upper + 1);
        fixed (TCode* pc = code)
        fixed (int* psa = sa)
        fixed (int* pbuf = buf)
        {
            foreach (int d in lms)
            {
                if (d == n)
                    continue;
                psa[pbuf[I(pc[d]) >> 1]++] = d;
            }
            Array.Copy(sumL, buf, upper + 1);
            psa[pbuf[I(pc[n - 1]) >> 1]++] = n - 1;
            // The reads pc[v - 1] are random; prefetching a few scan positions ahead hides most of
            // the cache misses (an entry ahead may still change; then the prefetch is merely wasted).
            for (int i = 0; i < n; i++)
            {
                if (Sse.IsSupported && i + PrefetchDistance < n)
                {
                    int ahead = psa[i + PrefetchDistance];
                    if (ahead > 0)
                        Sse.Prefetch0(pc + ahead - 1);
                }
                int v = psa[i];
                if (v >= 1)
                {
                    int c = I(pc[v - 1]);
                    if ((c & 1) == 0)
                        psa[pbuf[c >> 1]++] = v - 1;
                }
            }
            Array.Copy(sumL, buf, upper + 1);
            for (int i = n - 1; i >= 0; i--)
            {
                if (Sse.IsSupported && i >= PrefetchDistance)
                {
                    int ahead = psa[i - PrefetchDistance];
                    if (ahead > 0)
                        Sse.Prefetch0(pc + ahead - 1);
                }
                int v = psa[i];
                if (v >= 1)
                {
                    int c = I(pc[v - 1]);
                    if ((c & 1) != 0)
                        psa[--pbuf[(c >> 1) + 1]] = v - 1;
                }
            }
        }
    }
}
