namespace Assay.Learn.Kernels;

/// <summary>
/// Cross-entropy over softmax probabilities. A negative target means "ignore this position":
/// its loss is 0 and it gets no gradient (used for masked or padded tokens).
/// </summary>
public static class CrossEntropy
{
    // losses (N) = -log probs[i, targets[i]]
    public static void Forward(Span<float> losses, ReadOnlySpan<float> probs, ReadOnlySpan<int> targets, int n, int v)
    {
        for (int i = 0; i < n; i++)
        {
            int t = targets[i];
            if (t < 0) { losses[i] = 0f; continue; }
            if (t >= v) throw new ArgumentOutOfRangeException(nameof(targets), $"target {t} at {i} is outside the vocabulary of {v}.");
            losses[i] = -MathF.Log(probs[i * v + t]);
        }
    }

    // Fused softmax + cross-entropy backward: dlogits (N, V) += (probs - onehot(target)) * dlosses[i]
    public static void SoftmaxBackward(Span<float> dlogits, ReadOnlySpan<float> dlosses, ReadOnlySpan<float> probs,
        ReadOnlySpan<int> targets, int n, int v)
    {
        for (int i = 0; i < n; i++)
        {
            int t = targets[i];
            if (t < 0) continue;
            float dl = dlosses[i];
            var dst = dlogits.Slice(i * v, v);
            System.Numerics.Tensors.TensorPrimitives.FusedMultiplyAdd(probs.Slice(i * v, v), dl, dst, dst);
            dst[t] -= dl;
        }
    }
}
