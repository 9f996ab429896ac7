using System.Runtime.Intrinsics;

namespace Assay.Valuation.Kernels;

/// <summary>
/// One pass over a test row: squared distance d_j = ‖a‖² + ‖b_j‖² − 2·a·b_j (clamped at +0), packed with j as a
/// sort key, and counted into the radix histograms, so the sort needs no separate counting pass.
/// </summary>
internal static class DistanceKeys
{
    public static void Build(ReadOnlySpan<float> dots, float testNorm, ReadOnlySpan<float> trainNorms, Span<ulong> keys, Span<int> histograms)
    {
        histograms[..RadixSort.Float.HistogramLength].Clear();
        for (int j = 0; j < keys.Length; j++)
        {
            uint key = RadixSort.DistanceKey(testNorm + trainNorms[j] - 2f * dots[j]);
            keys[j] = ((ulong)key << 32) | (uint)j;
            RadixSort.Count(histograms, key);
        }
    }

    public static float Distance(ReadOnlySpan<float> dots, float testNorm, ReadOnlySpan<float> trainNorms, int j) =>
        testNorm + trainNorms[j] - 2f * dots[j];

    /// <summary>
    /// Exact integer version for <see cref="ByteGrid"/> data: the key is the squared distance in grid units (never negative),
    /// counted for <see cref="RadixSort.Narrow"/> when every key fits it (<paramref name="narrow"/>), else for <see cref="RadixSort.Float"/>.
    /// </summary>
    public static void Build(ReadOnlySpan<int> dots, int testNorm, ReadOnlySpan<int> trainNorms, Span<ulong> keys, Span<int> histograms, bool narrow)
    {
        histograms[..(narrow ? RadixSort.Narrow : RadixSort.Float).HistogramLength].Clear();
        if (narrow)
        {
            int j = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                // Keys 16 at a time (key << 32 | j as two 8-lane halves); the histogram counts stay scalar.
                var tn = Vector512.Create((uint)testNorm);
                var lane = Vector512.Create(0ul, 1, 2, 3, 4, 5, 6, 7);
                Span<uint> k16 = stackalloc uint[16];
                for (; j + 16 <= keys.Length; j += 16)
                {
                    var key = tn + Vector512.Create(trainNorms.Slice(j, 16)).AsUInt32() - (Vector512.Create(dots.Slice(j, 16)).AsUInt32() << 1);
                    var (lo, hi) = Vector512.Widen(key);
                    var idx = Vector512.Create((ulong)j) + lane;
                    ((lo << 32) | idx).CopyTo(keys.Slice(j, 8));
                    ((hi << 32) | (idx + Vector512.Create(8ul))).CopyTo(keys.Slice(j + 8, 8));
                    key.CopyTo(k16);
                    foreach (var kk in k16) RadixSort.CountNarrow(histograms, kk);
                }
            }
            for (; j < keys.Length; j++)
            {
                uint key = (uint)testNorm + (uint)trainNorms[j] - 2u * (uint)dots[j];
                keys[j] = ((ulong)key << 32) | (uint)j;
                RadixSort.CountNarrow(histograms, key);
            }
            return;
        }
        for (int j = 0; j < keys.Length; j++)
        {
            // ‖a − b‖² ≤ d·255² fits a uint; the int sum may wrap on the way, unsigned arithmetic lands on the exact value.
            uint key = (uint)testNorm + (uint)trainNorms[j] - 2u * (uint)dots[j];
            keys[j] = ((ulong)key << 32) | (uint)j;
            RadixSort.Count(histograms, key);
        }
    }
}
