using System.Numerics.Tensors;

namespace Assay.Learn.Kernels;

/// <summary>Layer normalization over the last dimension (eps 1e-5, as GPT-2).</summary>
public static class LayerNorm
{
    public const float Eps = 1e-5f;

    // out (N, C) = (inp - mean) * rstd * weight + bias; caches mean (N) and rstd (N) for backward.
    public static void Forward(Span<float> output, Span<float> mean, Span<float> rstd,
        ReadOnlySpan<float> inp, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, int n, int c)
    {
        for (int i = 0; i < n; i++)
        {
            var x = inp.Slice(i * c, c);
            var o = output.Slice(i * c, c);
            float m = TensorPrimitives.Sum(x) / c;
            // Two-pass variance: o holds x - m temporarily.
            TensorPrimitives.Subtract(x, m, o);
            float v = TensorPrimitives.Dot(o, o) / c;
            float s = 1f / MathF.Sqrt(v + Eps);
            TensorPrimitives.Multiply(o, s, o);
            TensorPrimitives.FusedMultiplyAdd(o, weight, bias, o);
            mean[i] = m;
            rstd[i] = s;
        }
    }

    // dinp (N, C) += ..., dweight (C) += sum_i dout * norm, dbias (C) += sum_i dout.
    // Rows are visited in order so the parameter gradients are summed deterministically.
    public static void Backward(Span<float> dinp, Span<float> dweight, Span<float> dbias,
        ReadOnlySpan<float> dout, ReadOnlySpan<float> inp, ReadOnlySpan<float> weight,
        ReadOnlySpan<float> mean, ReadOnlySpan<float> rstd, int n, int c)
    {
        Span<float> norm = c <= 4096 ? stackalloc float[c] : new float[c];
        Span<float> dnorm = c <= 4096 ? stackalloc float[c] : new float[c];
        for (int i = 0; i < n; i++)
        {
            var x = inp.Slice(i * c, c);
            var dy = dout.Slice(i * c, c);
            float m = mean[i], s = rstd[i];
            TensorPrimitives.Subtract(x, m, norm);
            TensorPrimitives.Multiply(norm, s, norm);
            TensorPrimitives.Multiply(weight, dy, dnorm);
            float dnormMean = TensorPrimitives.Sum(dnorm) / c;
            float dnormNormMean = TensorPrimitives.Dot(dnorm, norm) / c;
            TensorPrimitives.Add(dbias, dy, dbias);
            TensorPrimitives.FusedMultiplyAdd(norm, dy, dweight, dweight);
            // dinp += (dnorm - dnormMean - norm * dnormNormMean) * rstd
            TensorPrimitives.Subtract(dnorm, dnormMean, dnorm);
            TensorPrimitives.FusedMultiplyAdd(norm, -dnormNormMean, dnorm, dnorm);
            var dx = dinp.Slice(i * c, c);
            TensorPrimitives.FusedMultiplyAdd(dnorm, s, dx, dx);
        }
    }
}
