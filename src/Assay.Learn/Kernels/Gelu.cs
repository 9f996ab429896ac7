using System.Numerics.Tensors;

namespace Assay.Learn.Kernels;

/// <summary>GELU, tanh approximation (GPT-2's "gelu_new").</summary>
public static class Gelu
{
    private const float Coeff = 0.044715f;
    private static readonly float S = MathF.Sqrt(2f / MathF.PI);
    private const int Chunk = 512;

    // out (N) = 0.5 x (1 + tanh(S (x + 0.044715 x^3)))
    public static void Forward(Span<float> output, ReadOnlySpan<float> inp)
    {
        if (output.Length != inp.Length) throw new ArgumentException("out and inp differ in length.");
        Span<float> t = stackalloc float[Chunk];
        for (int start = 0; start < inp.Length; start += Chunk)
        {
            int len = Math.Min(Chunk, inp.Length - start);
            var x = inp.Slice(start, len);
            var u = t[..len];
            Inner(x, u);
            TensorPrimitives.Tanh(u, u);
            TensorPrimitives.Add(u, 1f, u);
            TensorPrimitives.Multiply(u, x, u);
            TensorPrimitives.Multiply(u, 0.5f, output.Slice(start, len));
        }
    }

    // dinp (N) += dout * gelu'(x)
    //   gelu'(x) = 0.5 (1 + tanh u) + 0.5 x sech^2(u) S (1 + 3 * 0.044715 x^2),  u = S (x + 0.044715 x^3)
    public static void Backward(Span<float> dinp, ReadOnlySpan<float> inp, ReadOnlySpan<float> dout)
    {
        if (dinp.Length != inp.Length || dout.Length != inp.Length) throw new ArgumentException("dinp, inp and dout differ in length.");
        Span<float> tb = stackalloc float[Chunk];
        Span<float> gb = stackalloc float[Chunk];
        for (int start = 0; start < inp.Length; start += Chunk)
        {
            int len = Math.Min(Chunk, inp.Length - start);
            var x = inp.Slice(start, len);
            var th = tb[..len];
            var g = gb[..len];
            Inner(x, th);
            TensorPrimitives.Tanh(th, th);
            // g = S (1 + 3c x^2) * 0.5 x * (1 - th^2)
            TensorPrimitives.Multiply(x, x, g);
            TensorPrimitives.Multiply(g, 3f * Coeff * S, g);
            TensorPrimitives.Add(g, S, g);
            TensorPrimitives.Multiply(g, x, g);
            TensorPrimitives.Multiply(g, 0.5f, g);
            for (int i = 0; i < len; i++)
                g[i] = g[i] * (1f - th[i] * th[i]) + 0.5f * (1f + th[i]);
            var dx = dinp.Slice(start, len);
            TensorPrimitives.FusedMultiplyAdd(g, dout.Slice(start, len), dx, dx);
        }
    }

    // u = S (x + 0.044715 x^3) = S x (1 + 0.044715 x^2)
    private static void Inner(ReadOnlySpan<float> x, Span<float> u)
    {
        TensorPrimitives.Multiply(x, x, u);
        TensorPrimitives.Multiply(u, Coeff, u);
        TensorPrimitives.Add(u, 1f, u);
        TensorPrimitives.Multiply(u, x, u);
        TensorPrimitives.Multiply(u, S, u);
    }
}
