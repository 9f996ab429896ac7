namespace Assay.Text.FastText;

/// <summary>fastText's <c>Loss::predict</c>: from the averaged hidden vector to the k best labels with log-scores.</summary>
internal abstract class OutputLayer(IFastTextMatrix output)
{
    protected IFastTextMatrix Output { get; } = output;

    /// <summary>fastText's <c>std_log</c>: the 1e-5 keeps log finite and is why reported probabilities never reach 0.</summary>
    public static float StdLog(float x) => (float)Math.Log(x + 1e-5);

    public abstract void Predict(ReadOnlySpan<float> hidden, int k, float threshold, TopK heap);

    public static OutputLayer Create(FastTextLoss loss, IFastTextMatrix output, long[] labelCounts) => loss switch
    {
        FastTextLoss.HierarchicalSoftmax => new HierarchicalSoftmaxOutput(output, labelCounts),
        FastTextLoss.Softmax => new SoftmaxOutput(output),
        FastTextLoss.OneVsAll or FastTextLoss.NegativeSampling => new BinaryLogisticOutput(output),
        _ => throw new FastTextFormatException($"unknown loss {(int)loss}"),
    };

    /// <summary>fastText's <c>findKBest</c> over per-label probabilities.</summary>
    protected static void FindKBest(ReadOnlySpan<float> output, int k, float threshold, TopK heap)
    {
        for (int i = 0; i < output.Length; i++)
        {
            if (output[i] < threshold)
                continue;
            float s = StdLog(output[i]);
            if (heap.IsFull && s < heap.Min)
                continue;
            heap.Push(s, i);
        }
    }
}
