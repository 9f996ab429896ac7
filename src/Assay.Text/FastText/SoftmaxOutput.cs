namespace Assay.Text.FastText;

/// <summary>Softmax over all labels (max-subtracted, as fastText's <c>SoftmaxLoss::computeOutput</c>).</summary>
internal sealed class SoftmaxOutput(IFastTextMatrix output) : OutputLayer(output)
{
    public override void Predict(ReadOnlySpan<float> hidden, int k, float threshold, TopK heap)
    {
        int n = (int)Output.Rows;
        Span<float> probs = n <= 1024 ? stackalloc float[n] : new float[n];
        Compute(Output, hidden, probs);
        FindKBest(probs, k, threshold, heap);
    }

    /// <summary>probs = softmax(W h); shared with training.</summary>
    public static void Compute(IFastTextMatrix w, ReadOnlySpan<float> hidden, Span<float> probs)
    {
        for (int i = 0; i < probs.Length; i++)
            probs[i] = w.DotRow(hidden, i);
        float max = probs[0], z = 0f;
        for (int i = 0; i < probs.Length; i++)
            max = Math.Max(probs[i], max);
        for (int i = 0; i < probs.Length; i++)
        {
            probs[i] = MathF.Exp(probs[i] - max);
            z += probs[i];
        }
        for (int i = 0; i < probs.Length; i++)
            probs[i] /= z;
    }
}
