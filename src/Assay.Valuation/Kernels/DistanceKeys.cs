namespace Assay.Valuation.Kernels;

/// <summary>
/// One pass over a test row: squared distance d_j = ‖a‖² + ‖b_j‖² − 2·a·b_j (clamped at +0), packed with j as a
/// sort key, and counted into the radix histograms, so the sort needs no separate counting pass.
/// </summary>
internal static class DistanceKeys
{
    public static void Build(ReadOnlySpan<float> dots, float testNorm, ReadOnlySpan<float> trainNorms, Span<ulong> keys, Span<int> histograms)
    {
        histograms[..RadixSort.HistogramLength].Clear();
        for (int j = 0; j < keys.Length; j++)
        {
            uint key = RadixSort.DistanceKey(testNorm + trainNorms[j] - 2f * dots[j]);
            keys[j] = ((ulong)key << 32) | (uint)j;
            RadixSort.Count(histograms, key);
        }
    }

    public static float Distance(ReadOnlySpan<float> dots, float testNorm, ReadOnlySpan<float> trainNorms, int j) =>
        testNorm + trainNorms[j] - 2f * dots[j];
}
