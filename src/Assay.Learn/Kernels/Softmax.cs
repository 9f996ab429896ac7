using System.Numerics.Tensors;

namespace Assay.Learn.Kernels;

/// <summary>Row-wise softmax, max-subtracted for stability.</summary>
public static class Softmax
{
    // probs (N, V) = softmax(logits (N, V)) along V
    public static void Forward(Span<float> probs, ReadOnlySpan<float> logits, int n, int v)
    {
        if (probs.Length != n * v || logits.Length != n * v) throw new ArgumentException($"expected {n}x{v} elements.");
        for (int i = 0; i < n; i++)
            Row(probs.Slice(i * v, v), logits.Slice(i * v, v));
    }

    /// <summary>probs = softmax(logits) for one row; probs may alias logits.</summary>
    public static void Row(Span<float> probs, ReadOnlySpan<float> logits)
    {
        if (logits.IsEmpty) return;
        float max = TensorPrimitives.Max(logits);
        TensorPrimitives.Subtract(logits, max, probs);
        TensorPrimitives.Exp(probs, probs);
        float sum = TensorPrimitives.Sum(probs);
        TensorPrimitives.Multiply(probs, 1f / sum, probs);
    }

    // dlogits (N, V) += probs * (dprobs - sum_j dprobs_j probs_j), row-wise
    public static void Backward(Span<float> dlogits, ReadOnlySpan<float> probs, ReadOnlySpan<float> dprobs, int n, int v)
    {
        Span<float> tmp = v <= 8192 ? stackalloc float[v] : new float[v];
        for (int i = 0; i < n; i++)
        {
            var p = probs.Slice(i * v, v);
            var dp = dprobs.Slice(i * v, v);
            float dot = TensorPrimitives.Dot(p, dp);
            TensorPrimitives.Subtract(dp, dot, tmp);
            var dl = dlogits.Slice(i * v, v);
            TensorPrimitives.FusedMultiplyAdd(tmp, p, dl, dl);
        }
    }
}
