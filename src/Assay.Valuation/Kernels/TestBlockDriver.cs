using System.Numerics.Tensors;
using Assay.Valuation.Data;

namespace Assay.Valuation.Kernels;

/// <summary>
/// Streams the test set in fixed blocks: for each block computes squared Euclidean distances to every
/// training point (‖a‖² + ‖b‖² − 2a·b from an <see cref="IBlockDistances{T}"/>: fp32 <see cref="DotKernel"/> or exact integer <see cref="ByteDotKernel"/>), hands each test row's distance row to
/// the method, which adds that test point's per-training-point contribution into the block's partial sum.
/// Blocks run in parallel in waves of a fixed size; partial sums are combined in block order in double,
/// so the result is identical for any thread count. Memory is bounded by wave × (block distances + N doubles).
/// </summary>
internal static class TestBlockDriver
{
    /// <summary>
    /// Adds test row <paramref name="testRow"/>'s contribution into <paramref name="partial"/>. The squared distance to
    /// training point j is testNorm + train.SquaredNorms[j] − 2·dots[j] (see <see cref="DistanceKeys"/>); bodies fuse
    /// that into their own pass over the row instead of paying extra passes here.
    /// </summary>
    public delegate void RowBody<T, TScratch>(int testRow, ReadOnlySpan<T> dots, T testNorm, Span<double> partial, TScratch scratch);

    public static double[] Run<TScratch>(PackedTrain train, DenseData test, int blockSize, int? maxParallelism,
        Func<TScratch> createScratch, RowBody<float, TScratch> body, IProgress<double>? progress, CancellationToken ct) =>
        Run(new FloatDistances(train), test, blockSize, maxParallelism, createScratch, body, progress, ct);

    public static double[] Run<T, TScratch>(IBlockDistances<T> train, DenseData test, int blockSize, int? maxParallelism,
        Func<TScratch> createScratch, RowBody<T, TScratch> body, IProgress<double>? progress, CancellationToken ct)
    {
        if (test.Dimension != train.Dimension)
            throw new ArgumentException($"test has {test.Dimension} features, train has {train.Dimension}");
        int n = train.Count, ldc = train.Stride;
        int blocks = (test.Count + blockSize - 1) / blockSize;
        int dop = maxParallelism ?? Environment.ProcessorCount;
        int wave = Math.Max(1, 2 * dop);
        var total = new double[n];
        var partials = new double[Math.Min(wave, Math.Max(blocks, 1))][];
        for (int i = 0; i < partials.Length; i++) partials[i] = new double[n];
        var options = new ParallelOptions { MaxDegreeOfParallelism = dop, CancellationToken = ct };
        int done = 0;
        for (int w0 = 0; w0 < blocks; w0 += wave)
        {
            int wEnd = Math.Min(blocks, w0 + wave);
            Parallel.For(w0, wEnd, options,
                () => (Packed: new T[train.PackedLength(blockSize)], Dist: new T[(long)blockSize * ldc > int.MaxValue ? throw new OutOfMemoryException("block too large") : blockSize * ldc], Scratch: createScratch()),
                (b, _, local) =>
                {
                    var partial = partials[b - w0];
                    Array.Clear(partial);
                    int first = b * blockSize, rows = Math.Min(blockSize, test.Count - first);
                    var rowsData = test.Features.AsSpan(first * test.Dimension, rows * test.Dimension);
                    train.Dots(rowsData, rows, local.Packed, local.Dist);
                    for (int r = 0; r < rows; r++)
                    {
                        ct.ThrowIfCancellationRequested();
                        body(first + r, local.Dist.AsSpan(r * ldc, n), train.SquaredNorm(test.Row(first + r)), partial, local.Scratch);
                    }
                    return local;
                },
                _ => { });
            for (int b = w0; b < wEnd; b++)
                TensorPrimitives.Add(total, partials[b - w0], total);
            done = wEnd;
            progress?.Report(done / (double)blocks);
        }
        return total;
    }
}
