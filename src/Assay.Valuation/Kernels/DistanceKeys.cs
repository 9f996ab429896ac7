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
            for (int j = 0; j < keys.Length; j++)
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
