namespace Assay.Learn.Training;

/// <summary>
/// AdamW (Loshchilov &amp; Hutter: weight decay decoupled from the gradient) over one flat parameter
/// buffer. Moments M and V share the parameter layout. Decay applies only where decayMask is
/// true (by convention matrices, not biases or LayerNorm gains).
/// </summary>
public sealed class AdamW
{
    public AdamW(int count)
    {
        M = new float[count];
        V = new float[count];
    }

    public float[] M { get; }
    public float[] V { get; }

    /// <summary>Number of updates applied so far (t in the bias corrections).</summary>
    public int Step { get; set; }

    /// <summary>
    /// One update: m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2;
    /// p -= lr (m/(1-b1^t) / (sqrt(v/(1-b2^t)) + eps) + wd p).
    /// ranges lists (offset, count, decay) slices covering the buffer.
    /// </summary>
    public void Update(Span<float> parameters, ReadOnlySpan<float> gradients, IReadOnlyList<(int Offset, int Count, bool Decay)> ranges,
        float lr, float beta1, float beta2, float eps, float weightDecay)
    {
        if (parameters.Length != M.Length || gradients.Length != M.Length)
            throw new ArgumentException($"AdamW was built for {M.Length} parameters, got {parameters.Length} and {gradients.Length} gradients.");
        Step++;
        float c1 = 1f - MathF.Pow(beta1, Step);
        float c2 = 1f - MathF.Pow(beta2, Step);
        foreach (var (offset, count, decay) in ranges)
        {
            float wd = decay ? weightDecay : 0f;
            var p = parameters.Slice(offset, count);
            var g = gradients.Slice(offset, count);
            var m = M.AsSpan(offset, count);
            var v = V.AsSpan(offset, count);
            for (int i = 0; i < p.Length; i++)
            {
                float gi = g[i];
                float mi = m[i] = beta1 * m[i] + (1f - beta1) * gi;
                float vi = v[i] = beta2 * v[i] + (1f - beta2) * gi * gi;
                float mhat = mi / c1, vhat = vi / c2;
                p[i] -= lr * (mhat / (MathF.Sqrt(vhat) + eps) + wd * p[i]);
            }
        }
    }
}
