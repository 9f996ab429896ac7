using Assay.Learn.Gpt;
using static Assay.Learn.Tests.TestUtil;

namespace Assay.Learn.Tests.Gpt;

public sealed class GptGradientTests
{
    internal static readonly GptConfig Tiny = new(VocabSize: 11, MaxSeqLen: 6, NumLayers: 2, NumHeads: 2, Channels: 8);

    /// <summary>A tiny model with large random parameters so every nonlinearity is exercised.</summary>
    internal static GptModel RandomTiny(int seed)
    {
        var m = GptModel.Create(Tiny, seed);
        var rng = new Random(seed);
        var noise = RandomFloats(rng, m.Parameters.Length, 0.4f);
        for (int i = 0; i < noise.Length; i++) m.Parameters[i] += noise[i];
        return m;
    }

    [Fact]
    public void Whole_model_gradient_matches_finite_differences_for_every_parameter()
    {
        var m = RandomTiny(7);
        int b = 2, t = 5;
        int[] x = [1, 4, 2, 9, 0, 3, 3, 10, 5, 7];
        int[] y = [4, 2, 9, 0, -1, 3, 10, 5, 7, 1]; // one ignored position
        m.ZeroGradients();
        m.Forward(x, y, b, t);
        m.Backward();
        var analytic = (float[])m.Gradients.Clone();

        // Float forward, so FD step 1e-2: truncation ~1e-4, loss rounding ~1e-6/1e-2 = 1e-4.
        const float eps = 1e-2f;
        var fd = new double[m.Parameters.Length];
        for (int i = 0; i < fd.Length; i++)
        {
            float keep = m.Parameters[i];
            m.Parameters[i] = keep + eps;
            double lp = m.Forward(x, y, b, t);
            m.Parameters[i] = keep - eps;
            double lm = m.Forward(x, y, b, t);
            m.Parameters[i] = keep;
            fd[i] = (lp - lm) / (2 * eps);
        }
        AssertClose(analytic, fd, 2e-3, 2e-2, "dparams");
        double dot = 0, na = 0, nf = 0, diff = 0;
        for (int i = 0; i < fd.Length; i++)
        {
            dot += analytic[i] * fd[i];
            na += (double)analytic[i] * analytic[i];
            nf += fd[i] * fd[i];
            diff += (analytic[i] - fd[i]) * (analytic[i] - fd[i]);
        }
        Assert.True(Math.Sqrt(diff / nf) < 2e-3, $"relative gradient error {Math.Sqrt(diff / nf):E2}");
        Assert.True(dot / Math.Sqrt(na * nf) > 0.99999, "gradient direction");
        // Every tensor got some gradient (catches a missed backward path).
        foreach (var tensor in m.Layout.Tensors)
            Assert.True(analytic.AsSpan(tensor.Offset, tensor.Count).ToArray().Any(v => v != 0f), tensor.Name);
    }

    [Fact]
    public void Loss_scale_and_accumulation_add_up()
    {
        var m = RandomTiny(8);
        int[] x = [1, 2, 3, 4], y = [2, 3, 4, 5];
        m.ZeroGradients();
        m.Forward(x, y, 1, 4);
        m.Backward();
        var once = (float[])m.Gradients.Clone();
        m.ZeroGradients();
        for (int k = 0; k < 2; k++)
        {
            m.Forward(x, y, 1, 4);
            m.Backward(0.5f);
        }
        AssertClose(m.Gradients, once, 1e-7, 1e-5, "accumulated");
    }

    [Fact]
    public void Layout_covers_the_buffer_exactly_once_with_hugging_face_names()
    {
        var layout = new GptLayout(Tiny);
        var covered = new int[layout.Count];
        foreach (var t in layout.Tensors)
            for (int i = 0; i < t.Count; i++) covered[t.Offset + i]++;
        Assert.All(covered, c => Assert.Equal(1, c));
        Assert.Equal([3 * 8, 8], layout["transformer.h.1.attn.c_attn.weight"].Shape);
        Assert.Equal(12 * 2 + 4, layout.Tensors.Count);
        Assert.Contains("Valid names", Assert.Throws<KeyNotFoundException>(() => layout["lm_head.weight"]).Message);
    }
}
