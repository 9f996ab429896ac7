using Assay.Learn.Analysis;
using Assay.Learn.Gpt;
using Assay.Learn.Tests.Gpt;
using static Assay.Learn.Tests.TestUtil;

namespace Assay.Learn.Tests.Analysis;

public sealed class GptAnalysisTests
{
    [Fact]
    public void Per_example_gradients_average_to_the_batch_gradient_and_subsets_are_slices()
    {
        var m = GptGradientTests.RandomTiny(31);
        int b = 3, t = 4;
        int[] x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 1];
        int[] y = [2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 1, 2];
        var per = m.PerExampleGradients(x, y, b, t);
        m.ZeroGradients();
        m.Forward(x, y, b, t);
        m.Backward();
        var mean = new double[m.Layout.Count];
        foreach (var g in per)
            for (int i = 0; i < mean.Length; i++) mean[i] += g[i] / (double)b;
        AssertClose(m.Gradients, mean, 1e-6, 1e-4, "batch gradient");

        var subset = m.Layout.Select(["transformer.h.1.mlp.", "transformer.ln_f."]);
        var sub = m.PerExampleGradients(x, y, b, t, subset);
        Assert.Equal(subset.Sum(s => s.Count), sub[0].Length);
        int at = 0;
        foreach (var tensor in subset)
        {
            Assert.Equal(per[2].AsSpan(tensor.Offset, tensor.Count).ToArray(), sub[2].AsSpan(at, tensor.Count).ToArray());
            at += tensor.Count;
        }
        Assert.Equal(GradientAlgebra.Dot(per[0], per[1]), GradientAlgebra.Products(per, per)[0, 1]);
        Assert.Equal(1.0, GradientAlgebra.Cosine(per[2], per[2]), 12);
    }

    [Fact]
    public void Example_losses_and_token_log_probs_agree_with_the_batch_loss()
    {
        var m = GptGradientTests.RandomTiny(32);
        int[] seq = [3, 1, 4, 1, 5, 9, 2];
        var lp = m.TokenLogProbs(seq);
        Assert.Equal(6, lp.Length);
        float loss = m.Forward(seq.AsSpan(0, 6), seq.AsSpan(1, 6), 1, 6);
        Assert.Equal(-loss, lp.Average(), 5);
        var probs = m.Probabilities;
        for (int i = 0; i < 6; i++) Assert.Equal(MathF.Log(probs[i * 11 + seq[i + 1]]), lp[i], 4);

        int[] x = [1, 2, 3, 4, 5, 6], y = [2, -1, 4, 5, 6, 7];
        var ex = m.ExampleLosses(x, y, 2, 3);
        float batch = m.Forward(x, y, 2, 3);
        Assert.Equal(batch, (ex[0] * 2 + ex[1] * 3) / 5, 5); // mean over the 5 scored positions
    }

    [Fact]
    public void Greedy_generation_matches_step_by_step_argmax_and_sampling_is_seeded_and_filtered()
    {
        var m = GptGradientTests.RandomTiny(33);
        int[] prompt = [1, 2];
        var greedy = GptGenerator.Generate(m, prompt, new GenerationOptions(MaxNewTokens: 6, Temperature: 0));
        // Reference: exact-length forward each step, sliding over n_positions = 6.
        var seq = new List<int>(prompt);
        for (int s = 0; s < 6; s++)
        {
            var ctx = seq.Skip(Math.Max(0, seq.Count - 6)).ToArray();
            m.Forward(ctx, [], 1, ctx.Length);
            var last = m.Logits.Slice((ctx.Length - 1) * 11, 11);
            seq.Add(System.Numerics.Tensors.TensorPrimitives.IndexOfMax(last));
        }
        Assert.Equal(seq.Skip(2), greedy);
        Assert.Equal(greedy, GptGenerator.Generate(m, prompt, new GenerationOptions(6, Temperature: 1, TopK: 1)));
        Assert.Equal(greedy, GptGenerator.Generate(m, prompt, new GenerationOptions(6, Temperature: 1, TopP: 1e-6f)));

        var a = GptGenerator.Generate(m, prompt, new GenerationOptions(20, Temperature: 1.5f, Seed: 4));
        Assert.Equal(a, GptGenerator.Generate(m, prompt, new GenerationOptions(20, Temperature: 1.5f, Seed: 4)));
        Assert.Equal(20, a.Length);
        var stop = GptGenerator.Generate(m, prompt, new GenerationOptions(20, Temperature: 1.5f, Seed: 4, StopToken: a[3]));
        Assert.Equal(a.Take(Array.IndexOf(a, a[3]) + 1), stop);
    }

    [Fact]
    public void Top_k_and_top_p_only_ever_sample_from_the_kept_set()
    {
        float[] logits = [0f, 3f, 1f, 2.9f, -1f];
        var rng = new Random(1);
        var probs = new double[5];
        var order = new int[5];
        var seenK = new HashSet<int>();
        var seenP = new HashSet<int>();
        for (int i = 0; i < 400; i++)
        {
            seenK.Add(GptGenerator.Sample(logits, new GenerationOptions(Temperature: 1, TopK: 2), rng, probs, order));
            // p(1) ~ 0.45, p(3) ~ 0.41: the nucleus for 0.8 is {1, 3}.
            seenP.Add(GptGenerator.Sample(logits, new GenerationOptions(Temperature: 1, TopP: 0.8f), rng, probs, order));
        }
        Assert.Equal([1, 3], seenK.Order());
        Assert.Equal([1, 3], seenP.Order());
    }
}
