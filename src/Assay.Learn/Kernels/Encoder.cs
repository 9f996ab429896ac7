using System.Numerics.Tensors;

namespace Assay.Learn.Kernels;

/// <summary>Token + position embedding lookup.</summary>
public static class Encoder
{
    // out (B, T, C) = wte[inp[b, t]] (V, C) + wpe[t] (maxT, C)
    public static void Forward(Span<float> output, ReadOnlySpan<int> inp, ReadOnlySpan<float> wte, ReadOnlySpan<float> wpe, int b, int t, int c)
    {
        int v = wte.Length / c;
        for (int bt = 0; bt < b * t; bt++)
        {
            int ix = inp[bt];
            if ((uint)ix >= (uint)v) throw new ArgumentOutOfRangeException(nameof(inp), $"token id {ix} at {bt} is outside the vocabulary of {v}.");
            TensorPrimitives.Add(wte.Slice(ix * c, c), wpe.Slice(bt % t * c, c), output.Slice(bt * c, c));
        }
    }

    // dwte[inp[b, t]] += dout[b, t]; dwpe[t] += dout[b, t]. Sequential: repeated tokens collide.
    public static void Backward(Span<float> dwte, Span<float> dwpe, ReadOnlySpan<float> dout, ReadOnlySpan<int> inp, int b, int t, int c)
    {
        for (int bt = 0; bt < b * t; bt++)
        {
            var d = dout.Slice(bt * c, c);
            var w = dwte.Slice(inp[bt] * c, c);
            TensorPrimitives.Add(w, d, w);
            var p = dwpe.Slice(bt % t * c, c);
            TensorPrimitives.Add(p, d, p);
        }
    }
}
