using System.Numerics.Tensors;
using System.Runtime.InteropServices;

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
