using System.Numerics.Tensors;

namespace Assay.Text.Embeddings;

/// <summary>
/// A sparse [rows × cols] float matrix in compressed-row form, with the two dense products
/// randomized SVD needs. Dense operands are row-major float [· × width]; each nonzero contributes
/// one contiguous TensorPrimitives.MultiplyAdd of a dense row.
/// </summary>
internal sealed class SparseRowMatrix(int cols, int[] rowStart, int[] colIndex, float[] values)
{
    public int Rows => rowStart.Length - 1;
    public int Cols => cols;
    public long NonZeros => colIndex.Length;

    /// <summary>out[rows × w] = this · dense[cols × w].</summary>
    public void Multiply(ReadOnlySpan<float> dense, int w, Span<float> output)
    {
        output.Clear();
        for (int i = 0; i < Rows; i++)
        {
            var o = output.Slice(i * w, w);
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++)
                TensorPrimitives.MultiplyAdd(dense.Slice(colIndex[p] * w, w), values[p], o, o);
        }
    }

    /// <summary>out[cols × w] = thisᵀ · dense[rows × w].</summary>
    public void MultiplyTransposed(ReadOnlySpan<float> dense, int w, Span<float> output)
    {
        output.Clear();
        for (int i = 0; i < Rows; i++)
        {
            var d = dense.Slice(i * w, w);
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++)
            {
                var o = output.Slice(colIndex[p] * w, w);
                TensorPrimitives.MultiplyAdd(d, values[p], o, o);
            }
        }
    }
}
