using System.Diagnostics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Assay.Text.FastText;

/// <summary>Row-major float matrix; file layout is int64 rows, int64 cols, then rows×cols floats.</summary>
internal sealed class DenseMatrix : IFastTextMatrix
{
    public DenseMatrix(long rows, long cols)
    {
        if (rows < 0 || cols < 0 || rows * cols > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(rows), $"matrix {rows}x{cols} is too large for one array");
        Rows = rows;
        Cols = cols;
        Data = new float[rows * cols];
    }

    public long Rows { get; }
    public long Cols { get; }
    public bool IsQuantized => false;

    /// <summary>All values, row-major.</summary>
    public float[] Data { get; }

    public Span<float> Row(long i) => Data.AsSpan((int)(i * Cols), (int)Cols);

    public void AddRowTo(Span<float> x, long row)
    {
        // Element-wise adds are exact in any order, so SIMD here keeps fastText's results bit for bit.
        var r = Row(row);
        TensorPrimitives.Add(x, r, x);
    }

    /// <summary>
    /// sum += row(id) for every id, in order. The hot loop of prediction: one call per line instead
    /// of one per row, vectorized across columns (adds are element-wise, so results stay bit-exact).
    /// </summary>
    public void SumRows(ReadOnlySpan<int> ids, Span<float> sum)
    {
        int cols = (int)Cols;
        Debug.Assert(sum.Length == cols);
        ref float dst = ref MemoryMarshal.GetReference(sum);
        ref float data = ref MemoryMarshal.GetArrayDataReference(Data);
        int vec = Vector256.IsHardwareAccelerated ? cols - cols % Vector256<float>.Count : 0;
        foreach (int id in ids)
        {
            if ((uint)id >= (ulong)Rows)
                ThrowRow(id);
            ref float row = ref Unsafe.Add(ref data, (nint)id * cols);
            int j = 0;
            for (; j < vec; j += Vector256<float>.Count)
                (Vector256.LoadUnsafe(ref dst, (nuint)j) + Vector256.LoadUnsafe(ref row, (nuint)j)).StoreUnsafe(ref dst, (nuint)j);
            for (; j < cols; j++)
                Unsafe.Add(ref dst, j) += Unsafe.Add(ref row, j);
        }
    }

    private void ThrowRow(int id) => throw new ArgumentOutOfRangeException(nameof(id), id, $"row outside 0..{Rows - 1}");

    public float DotRow(ReadOnlySpan<float> x, long row)
    {
        var r = Row(row);
        float d = 0f;
        for (int j = 0; j < r.Length; j++)
            d += r[j] * x[j];
        return d;
    }

    internal static DenseMatrix Read(ref FastTextReader r)
    {
        long rows = r.ReadInt64();
        long cols = r.ReadInt64();
        if (rows < 0 || cols < 0 || rows * cols > Array.MaxLength)
            r.Fail($"dense matrix of {rows}x{cols}");
        var m = new DenseMatrix(rows, cols);
        r.ReadSingles(m.Data);
        return m;
    }

    public void Write(BinaryWriter w)
    {
        w.Write(Rows);
        w.Write(Cols);
        w.Write(MemoryMarshal.AsBytes(Data.AsSpan()));
    }
}
