namespace Assay.Valuation.Kernels;

/// <summary>
/// What <see cref="TestBlockDriver"/> needs from a packed training set: dot products of a block of test rows with every
/// training row (T = float for <see cref="PackedTrain"/>, int grid units for <see cref="PackedTrainBytes"/>) and a test
/// row's squared norm in the same units, so a body forms ‖a‖² + ‖b‖² − 2a·b itself.
/// </summary>
internal interface IBlockDistances<T>
{
    int Count { get; }
    int Dimension { get; }
    /// <summary>Row stride of the dot-product output (training count padded to the kernel's panel width).</summary>
    int Stride { get; }
    int PackedLength(int blockSize);
    void Dots(ReadOnlySpan<float> testRows, int rows, Span<T> packed, Span<T> output);
    T SquaredNorm(ReadOnlySpan<float> testRow);
}

/// <summary>fp32 distances for any features.</summary>
internal sealed class FloatDistances(PackedTrain train) : IBlockDistances<float>
{
    public int Count => train.Count;
    public int Dimension => train.Dimension;
    public int Stride => train.PaddedCount;
    public int PackedLength(int blockSize) => blockSize * train.PaddedDimension;

    public void Dots(ReadOnlySpan<float> testRows, int rows, Span<float> packed, Span<float> output)
    {
        DotKernel.PackBlock(testRows, rows, train.Dimension, train.PaddedDimension, packed);
        DotKernel.Compute(packed, rows, train, output, Stride);
    }

    public float SquaredNorm(ReadOnlySpan<float> testRow) => System.Numerics.Tensors.TensorPrimitives.Dot(testRow, testRow);
}

/// <summary>Exact integer distances for features on the <see cref="ByteGrid"/>.</summary>
internal sealed class ByteDistances(PackedTrainBytes train) : IBlockDistances<int>
{
    public int Count => train.Count;
    public int Dimension => train.Dimension;
    public int Stride => train.PaddedCount;
    public int PackedLength(int blockSize) => ByteDotKernel.PackedLength(blockSize, train.PairCount);

    public void Dots(ReadOnlySpan<float> testRows, int rows, Span<int> packed, Span<int> output)
    {
        ByteDotKernel.PackBlock(testRows, rows, train.Dimension, train.PairCount, packed);
        ByteDotKernel.Compute(packed, rows, train, output, Stride);
    }

    public int SquaredNorm(ReadOnlySpan<float> testRow)
    {
        int s = 0;
        foreach (var x in testRow) { int q = ByteGrid.Level(x); s += q * q; }
        return s;
    }
}
