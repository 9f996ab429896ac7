namespace Assay.Text.FastText;

/// <summary>
/// One-vs-all and negative-sampling models: an independent sigmoid per label, through fastText's
/// 512-entry lookup table on [-8, 8] (that table is what fastText predicts with, so we use it too).
/// </summary>
internal sealed class BinaryLogisticOutput(IFastTextMatrix output) : OutputLayer(output)
{
    private const int TableSize = 512;
    private const float MaxSigmoid = 8f;
    private static readonly float[] Table = BuildTable();

    public override void Predict(ReadOnlySpan<float> hidden, int k, float threshold, TopK heap)
    {
        int n = (int)Output.Rows;
        Span<float> probs = n <= 1024 ? stackalloc float[n] : new float[n];
        for (int i = 0; i < n; i++)
            probs[i] = Sigmoid(Output.DotRow(hidden, i));
        FindKBest(probs, k, threshold, heap);
    }

    private static float Sigmoid(float x)
    {
        if (x < -MaxSigmoid)
            return 0f;
        if (x > MaxSigmoid)
            return 1f;
        long i = (long)((x + MaxSigmoid) * TableSize / MaxSigmoid / 2);
        return Table[i];
    }

    private static float[] BuildTable()
    {
        var t = new float[TableSize + 1];
        for (int i = 0; i < t.Length; i++)
        {
            float x = (float)(i * 2 * MaxSigmoid) / TableSize - MaxSigmoid;
            t[i] = (float)(1.0 / (1.0 + Math.Exp(-x)));
        }
        return t;
    }
}
