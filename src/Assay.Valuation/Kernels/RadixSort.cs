namespace Assay.Valuation.Kernels;

/// <summary>
/// Stable LSD radix sort of (key, payload) pairs packed as ulong = key &lt;&lt; 32 | payload, ordering by the
/// 32-bit key only. Two digit plans: <see cref="Float"/> for any 32-bit key (3 passes of 11/11/10 bits) and
/// <see cref="Narrow"/> for keys below 2²⁶ (2 passes of 13 bits — exact grid distances, d·255² &lt; 2²⁶ for d ≤ 1,032),
/// which saves a counting increment and a scatter pass per element. A pass whose digit is constant is skipped.
/// Stability means equal keys keep payload order, so when payloads are written in ascending index order ties go to
/// the lower index. Non-negative IEEE floats order like their bit patterns, so distances sort directly.
/// </summary>
internal static class RadixSort
{
    /// <summary>A digit plan: <see cref="Passes"/> digits of <see cref="Bits"/> bits from the low end.</summary>
    public readonly record struct Plan(int Bits, int Passes)
    {
        public int Buckets => 1 << Bits;
        public int HistogramLength => Passes * Buckets;
        public uint MaxKey => Bits * Passes >= 32 ? uint.MaxValue : (1u << (Bits * Passes)) - 1;
    }

    public static Plan Float { get; } = new(11, 3);
    public static Plan Narrow { get; } = new(13, 2);

    /// <summary>Scratch histogram length that fits either plan.</summary>
    public static int HistogramLength => Math.Max(Float.HistogramLength, Narrow.HistogramLength);

    /// <summary>Sorts <paramref name="items"/>; <paramref name="scratch"/> must be as long. Returns the span holding the result (items or scratch).</summary>
    public static Span<ulong> SortByHighKey(Span<ulong> items, Span<ulong> scratch, Span<int> histograms, Plan? plan = null)
    {
        var p = plan ?? Float;
        histograms[..p.HistogramLength].Clear();
        if (p == Float) foreach (var v in items) Count(histograms, (uint)(v >> 32));
        else foreach (var v in items) CountNarrow(histograms, (uint)(v >> 32));
        return SortCounted(items, scratch, histograms, p);
    }

    /// <summary>Adds one key to the three digit histograms of <see cref="Float"/> (for callers that fuse counting into key building).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void Count(Span<int> histograms, uint key)
    {
        histograms[(int)(key & 2047)]++;
        histograms[2048 + (int)((key >> 11) & 2047)]++;
        histograms[2 * 2048 + (int)(key >> 22)]++;
    }

    /// <summary>Adds one key below 2²⁶ to the two digit histograms of <see cref="Narrow"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void CountNarrow(Span<int> histograms, uint key)
    {
        histograms[(int)(key & 8191)]++;
        histograms[8192 + (int)(key >> 13)]++;
    }

    /// <summary>Sorts items whose keys have all been counted (with the plan's Count) into a cleared histogram.</summary>
    public static Span<ulong> SortCounted(Span<ulong> items, Span<ulong> scratch, Span<int> histograms, Plan? plan = null)
    {
        var p = plan ?? Float;
        var src = items;
        var dst = scratch[..items.Length];
        int mask = p.Buckets - 1;
        for (int pass = 0; pass < p.Passes; pass++)
        {
            var h = histograms.Slice(pass * p.Buckets, p.Buckets);
            int shift = 32 + pass * p.Bits;
            if (IsSingleBucket(h, items.Length)) continue;
            int sum = 0;
            for (int b = 0; b < h.Length; b++) { int c = h[b]; h[b] = sum; sum += c; }
            foreach (var v in src)
            {
                int b = (int)((v >> shift) & (ulong)mask);
                dst[h[b]++] = v;
            }
            var t = src; src = dst; dst = t;
        }
        return src;
    }

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
