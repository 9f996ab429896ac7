namespace Assay.Valuation.Kernels;

/// <summary>
/// Stable LSD radix sort of (key, payload) pairs packed as ulong = key &lt;&lt; 32 | payload, ordering by the
/// 32-bit key only (3 passes of 11/11/10 bits; a pass whose digit is constant is skipped). Stability means
/// equal keys keep payload order, so when payloads are written in ascending index order ties go to the
/// lower index. Non-negative IEEE floats order like their bit patterns, so distances sort directly.
/// </summary>
internal static class RadixSort
{
    private const int Bits = 11;
    private const int Buckets = 1 << Bits;

    /// <summary>Sorts <paramref name="items"/>; <paramref name="scratch"/> must be as long. Returns the span holding the result (items or scratch).</summary>
    public static Span<ulong> SortByHighKey(Span<ulong> items, Span<ulong> scratch, Span<int> histograms)
    {
        // histograms: 3 × Buckets counts, one read pass fills all three.
        histograms[..(3 * Buckets)].Clear();
        foreach (var v in items) Count(histograms, (uint)(v >> 32));
        return SortCounted(items, scratch, histograms);
    }

    /// <summary>Adds one key to the three digit histograms (for callers that fuse counting into key building).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void Count(Span<int> histograms, uint key)
    {
        histograms[(int)(key & (Buckets - 1))]++;
        histograms[Buckets + (int)((key >> Bits) & (Buckets - 1))]++;
        histograms[2 * Buckets + (int)(key >> (2 * Bits))]++;
    }

    /// <summary>Sorts items whose keys have all been added with <see cref="Count"/> to a cleared histogram.</summary>
    public static Span<ulong> SortCounted(Span<ulong> items, Span<ulong> scratch, Span<int> histograms)
    {
        var src = items;
        var dst = scratch[..items.Length];
        for (int pass = 0; pass < 3; pass++)
        {
            var h = histograms.Slice(pass * Buckets, Buckets);
            int shift = 32 + pass * Bits;
            if (IsSingleBucket(h, items.Length)) continue;
            int sum = 0;
            for (int b = 0; b < Buckets; b++) { int c = h[b]; h[b] = sum; sum += c; }
            foreach (var v in src)
            {
                int b = (int)((v >> shift) & (Buckets - 1));
                dst[h[b]++] = v;
            }
            var t = src; src = dst; dst = t;
        }
        return src;
    }

    public const int HistogramLength = 3 * Buckets;

    private static bool IsSingleBucket(Span<int> h, int n)
    {
        foreach (var c in h)
        {
            if (c == n) return true;
            if (c != 0) return false;
        }
        return n == 0;
    }

    /// <summary>Float distance to a sortable 32-bit key; negatives from rounding (‖a‖²+‖b‖²−2a·b) clamp to +0.</summary>
    public static uint DistanceKey(float d) => d > 0 ? BitConverter.SingleToUInt32Bits(d) : 0u;
}
