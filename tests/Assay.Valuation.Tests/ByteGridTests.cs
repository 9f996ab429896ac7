using Assay.Valuation.Data;
using Assay.Valuation.Kernels;
using Assay.Valuation.Methods;

namespace Assay.Valuation.Tests;

public sealed class ByteGridTests
{
    // Levels q in 0..255, half of them zero (and whole zero columns) like image borders, so the zero-pair skipping runs.
    private static (DenseData Grid, DenseData Levels) GridData(int n, int dim, int classes, Random rng)
    {
        var q = new int[n * dim];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < dim; k++)
                q[i * dim + k] = k % 5 == 0 || rng.Next(2) == 0 ? 0 : rng.Next(256);
        var y = Enumerable.Range(0, n).Select(_ => rng.Next(classes)).ToArray();
        return (new DenseData(q.Select(v => v / 255f).ToArray(), y, dim, classes), new DenseData(q.Select(v => (float)v).ToArray(), y, dim, classes));
    }

    [Fact]
    public void Byte_dot_kernel_is_exact_for_every_tail()
    {
        Assert.SkipUnless(System.Runtime.Intrinsics.X86.Avx512BW.IsSupported, "needs AVX-512 BW");
        var rng = new Random(3);
        foreach (int dim in new[] { 1, 2, 3, 15, 16, 17, 33, 50 })
            foreach (int n in new[] { 1, 47, 48, 49, 97 })
                foreach (int rows in new[] { 1, 7, 8, 9, 17 })
                {
                    var (train, _) = GridData(n, dim, 2, rng);
                    var (test, _) = GridData(rows, dim, 2, rng);
                    var packed = new PackedTrainBytes(train);
                    var a = new int[ByteDotKernel.PackedLength(rows, packed.PairCount)];
                    ByteDotKernel.PackBlock(test.Features, rows, dim, packed.PairCount, a);
                    var c = new int[rows * packed.PaddedCount];
                    ByteDotKernel.Compute(a, rows, packed, c, packed.PaddedCount);
                    for (int r = 0; r < rows; r++)
                        for (int j = 0; j < n; j++)
                            Assert.True(ByteDotKernel.ReferenceDot(test.Row(r), train.Row(j)) == c[r * packed.PaddedCount + j], $"dim {dim} n {n} rows {rows} at ({r},{j})");
                }
    }

    [Fact]
    public void Grid_detection_accepts_idx_pixels_only()
    {
        Assert.SkipUnless(System.Runtime.Intrinsics.X86.Avx512BW.IsSupported, "needs AVX-512 BW");
        var (grid, levels) = GridData(10, 4, 2, new Random(4));
        Assert.True(ByteGrid.Fits(grid));
        Assert.False(ByteGrid.Fits(levels)); // raw levels above 1
        Assert.False(ByteGrid.Fits(new DenseData([0.3f], [0], 1, 1))); // 76.5 / 255: off the grid
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Exact_integer_path_equals_the_double_reference_with_ties_to_the_lower_index(int threads)
    {
        Assert.SkipUnless(System.Runtime.Intrinsics.X86.Avx512BW.IsSupported, "needs AVX-512 BW");
        var rng = new Random(5);
        var (train, trainLevels) = GridData(150, 9, 3, rng);
        // Duplicate rows make exact distance ties.
        var dupIdx = Enumerable.Range(0, 150).Select(i => i % 10 == 0 ? 0 : i).ToArray();
        (train, trainLevels) = (train.Subset(dupIdx), trainLevels.Subset(dupIdx));
        var (test, testLevels) = GridData(70, 9, 3, rng);
        var fast = new KnnShapley(new KnnShapleyOptions(K: 5, MaxDegreeOfParallelism: threads, TestBlockSize: 16)).Value(train, test).Values;
        var expected = new double[train.Count];
        for (int t = 0; t < test.Count; t++)
        {
            // Integer-valued features: double distances are exact, so this sorts by the same keys.
            var s = KnnShapley.ReferenceForTestPoint(trainLevels, testLevels.Row(t), test.Labels[t], 5);
            for (int j = 0; j < s.Length; j++) expected[j] += s[j] / test.Count;
        }
        for (int j = 0; j < expected.Length; j++) Assert.Equal(expected[j], fast[j], 1e-12);
    }
}
