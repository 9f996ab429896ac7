using Assay.Valuation.Data;
using Assay.Valuation.Kernels;

namespace Assay.Valuation.Tests;

public sealed class KernelTests
{
    [Fact]
    public void Dot_kernel_matches_scalar_reference_for_every_tail()
    {
        var rng = new Random(1);
        foreach (int dim in new[] { 1, 2, 15, 16, 17, 31, 33, 50 })
            foreach (int n in new[] { 1, 31, 47, 48, 49, 97 })
                foreach (int rows in new[] { 1, 7, 8, 9, 17 })
                {
                    var train = RandomData(n, dim, rng);
                    var test = RandomData(rows, dim, rng);
                    var packed = new PackedTrain(train);
                    var a = new float[((rows + 7) / 8) * 8 * packed.PaddedDimension];
                    DotKernel.PackBlock(test.Features, rows, dim, packed.PaddedDimension, a);
                    var c = new float[rows * packed.PaddedCount];
                    DotKernel.Compute(a, rows, packed, c, packed.PaddedCount);
                    for (int r = 0; r < rows; r++)
                        for (int j = 0; j < n; j++)
                        {
                            float expected = DotKernel.ReferenceDot(test.Row(r), train.Row(j));
                            Assert.True(Math.Abs(expected - c[r * packed.PaddedCount + j]) <= 1e-5f * (1 + Math.Abs(expected)),
                                $"dim {dim} n {n} rows {rows} at ({r},{j}): {c[r * packed.PaddedCount + j]} vs {expected}");
                        }
                }
    }

    [Fact]
    public void Radix_sort_is_stable_and_orders_by_key_like_a_comparison_sort()
    {
        var rng = new Random(2);
        foreach (int n in new[] { 0, 1, 2, 100, 5000 })
        {
            var keys = new ulong[n];
            for (int i = 0; i < n; i++)
            {
                // Few distinct distances (many ties) plus some large ones to exercise all three digits.
                float d = rng.Next(4) == 0 ? (float)rng.NextDouble() * 1e6f : rng.Next(20) * 0.25f;
                keys[i] = ((ulong)RadixSort.DistanceKey(d) << 32) | (uint)i;
            }
            var expected = keys.OrderBy(k => BitConverter.UInt32BitsToSingle((uint)(k >> 32))).ThenBy(k => (uint)k).ToArray();
            var sorted = RadixSort.SortByHighKey(keys, new ulong[n], new int[RadixSort.HistogramLength]).ToArray();
            Assert.Equal(expected, sorted);
        }
    }

    [Fact]
    public void Narrow_two_pass_plan_sorts_keys_below_2_to_the_26_like_a_comparison_sort()
    {
        var rng = new Random(3);
        foreach (int n in new[] { 0, 1, 2, 100, 5000 })
        {
            var keys = new ulong[n];
            for (int i = 0; i < n; i++)
            {
                uint key = rng.Next(3) == 0 ? (uint)rng.Next(1 << 26) : (uint)rng.Next(30); // ties and both digits
                keys[i] = ((ulong)key << 32) | (uint)i;
            }
            var expected = keys.OrderBy(k => k >> 32).ThenBy(k => (uint)k).ToArray();
            Assert.Equal(expected, RadixSort.SortByHighKey(keys, new ulong[n], new int[RadixSort.HistogramLength], RadixSort.Narrow).ToArray());
        }
    }

    [Fact]
    public void Negative_rounding_distances_clamp_to_zero()
    {
        Assert.Equal(0u, RadixSort.DistanceKey(-1e-7f));
        Assert.Equal(0u, RadixSort.DistanceKey(-0f));
        Assert.True(RadixSort.DistanceKey(1e-30f) < RadixSort.DistanceKey(2e-30f));
    }

    private static DenseData RandomData(int n, int dim, Random rng)
    {
        var x = new float[n * dim];
        for (int i = 0; i < x.Length; i++) x[i] = (float)(rng.NextDouble() * 2 - 1);
        return new DenseData(x, new int[n], dim, 1);
    }
}
