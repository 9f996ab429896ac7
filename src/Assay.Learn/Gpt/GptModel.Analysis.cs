namespace Assay.Learn.Gpt;

public sealed partial class GptModel
{
    /// <summary>
    /// Log-probabilities log p(tokens[i+1] | tokens[..i+1]) for i in [0, n-1), from a log-sum-exp
    /// of the logits in double (no underflow for unlikely tokens). n must be 2..n_positions+1.
    /// </summary>
    public float[] TokenLogProbs(ReadOnlySpan<int> tokens)
    {
        int t = tokens.Length - 1;
        if (t < 1) throw new ArgumentException("Need at least two tokens to score one transition.");
        Forward(tokens[..t], [], 1, t);
        int v = Config.VocabSize;
        var logits = Logits;
        var result = new float[t];
        for (int i = 0; i < t; i++)
            result[i] = (float)LogSoftmaxAt(logits.Slice(i * v, v), tokens[i + 1]);
        return result;
    }

    internal static double LogSoftmaxAt(ReadOnlySpan<float> logits, int index)
    {
        float max = System.Numerics.Tensors.TensorPrimitives.Max(logits);
        double sum = 0;
        foreach (float z in logits) sum += Math.Exp(z - max);
        return logits[index] - max - Math.Log(sum);
    }

    /// <summary>Mean loss of each row (example) of a (B, T) batch over its non-negative targets.</summary>
    public float[] ExampleLosses(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets, int b, int t)
    {
        Forward(inputs, targets, b, t);
        var losses = Losses;
        var result = new float[b];
        for (int r = 0; r < b; r++)
        {
            double s = 0;
            int n = 0;
            for (int i = r * t; i < (r + 1) * t; i++)
            {
                if (targets[i] < 0) continue;
                s += losses[i];
                n++;
            }
            result[r] = n == 0 ? 0f : (float)(s / n);
        }
        return result;
    }

    /// <summary>
    /// Gradient of each row's mean loss (one backward per row), restricted to the given tensors
    /// (concatenated in the order given) or all parameters when null. Overwrites <see cref="Gradients"/>.
    /// </summary>
    public float[][] PerExampleGradients(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets, int b, int t,
        IReadOnlyList<ParameterTensor>? subset = null)
    {
        if (inputs.Length != b * t || targets.Length != b * t) throw new ArgumentException($"inputs and targets need B*T = {b * t} ids.");
        int size = subset?.Sum(x => x.Count) ?? Layout.Count;
        var result = new float[b][];
        for (int r = 0; r < b; r++)
        {
            ZeroGradients();
            Forward(inputs.Slice(r * t, t), targets.Slice(r * t, t), 1, t);
            Backward();
            var g = result[r] = new float[size];
            if (subset is null)
            {
                Gradients.CopyTo(g, 0);
                continue;
            }
            int at = 0;
            foreach (var tensor in subset)
            {
                Gradients.AsSpan(tensor.Offset, tensor.Count).CopyTo(g.AsSpan(at));
                at += tensor.Count;
            }
        }
        return result;
    }
}
