using System.Numerics.Tensors;

namespace Assay.Learn.Kernels;

public static class Residual
{
    // out (N) = a + b
    public static void Forward(Span<float> output, ReadOnlySpan<float> a, ReadOnlySpan<float> b) => TensorPrimitives.Add(a, b, output);

    // da += dout; db += dout
    public static void Backward(Span<float> da, Span<float> db, ReadOnlySpan<float> dout)
    {
        TensorPrimitives.Add(da, dout, da);
        TensorPrimitives.Add(db, dout, db);
    }
}
