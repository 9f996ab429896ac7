using Assay.Learn.Gpt;

namespace Assay.Learn.Analysis;

/// <summary>
/// Autoregressive sampling with temperature, top-k and top-p (nucleus) filtering from a seeded
/// generator. No KV cache: each step re-runs the model over a fixed-size window, padded after the
/// last real token (causal attention means padding cannot change earlier positions), so the
/// activation buffers are allocated once. Once the text is longer than n_positions the window slides.
/// </summary>
public static class GptGenerator
{
    public static int[] Generate(GptModel model, ReadOnlySpan<int> prompt, GenerationOptions options)
    {
        options.Validate();
        if (prompt.IsEmpty) throw new ArgumentException("The prompt needs at least one token (e.g. the end-of-text id).");
        int v = model.Config.VocabSize;
        int window = Math.Min(model.Config.MaxSeqLen, prompt.Length + options.MaxNewTokens);
        var tokens = new List<int>(prompt.Length + options.MaxNewTokens);
        foreach (int tok in prompt) tokens.Add(tok);
        var input = new int[window];
        var rng = new Random(options.Seed);
        var probs = new double[v];
        var order = new int[v];
        for (int step = 0; step < options.MaxNewTokens; step++)
        {
            int len = Math.Min(tokens.Count, window);
            int from = tokens.Count - len;
            for (int i = 0; i < window; i++) input[i] = i < len ? tokens[from + i] : 0;
            model.Forward(input, [], 1, window);
            var logits = model.Logits.Slice((len - 1) * v, v);
            int next = Sample(logits, options, rng, probs, order);
            tokens.Add(next);
            if (next == options.StopToken) break;
        }
        return tokens.Skip(prompt.Length).ToArray();
    }

    internal static int Sample(ReadOnlySpan<float> logits, GenerationOptions o, Random rng, double[] probs, int[] order)
    {
        int v = logits.Length;
        if (o.Temperature == 0) return System.Numerics.Tensors.TensorPrimitives.IndexOfMax(logits);
        double max = double.NegativeInfinity;
        for (int i = 0; i < v; i++) max = Math.Max(max, logits[i] / (double)o.Temperature);
        double sum = 0;
        for (int i = 0; i < v; i++) sum += probs[i] = Math.Exp(logits[i] / (double)o.Temperature - max);
        for (int i = 0; i < v; i++) { probs[i] /= sum; order[i] = i; }
        // Most likely first; ties by id so the order (and so the sample) is deterministic.
        var p = probs;
        Array.Sort(order, (a, b) => p[b].CompareTo(p[a]) != 0 ? p[b].CompareTo(p[a]) : a.CompareTo(b));
        int keep = o.TopK > 0 ? Math.Min(o.TopK, v) : v;
        if (o.TopP < 1)
        {
            double cum = 0;
            for (int i = 0; i < keep; i++)
            {
                cum += probs[order[i]];
                if (cum >= o.TopP) { keep = i + 1; break; }
            }
        }
        double total = 0;
        for (int i = 0; i < keep; i++) total += probs[order[i]];
        double u = rng.NextDouble() * total;
        for (int i = 0; i < keep; i++)
        {
            u -= probs[order[i]];
            if (u < 0) return order[i];
        }
        return order[keep - 1];
    }
}
