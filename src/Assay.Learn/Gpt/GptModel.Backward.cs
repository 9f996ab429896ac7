using Assay.Learn.Kernels;

namespace Assay.Learn.Gpt;

public sealed partial class GptModel
{
    /// <summary>
    /// Adds d(lossScale * mean loss)/d(parameters) of the last forward pass into <see cref="Gradients"/>.
    /// lossScale 1/k averages k accumulated micro-batches. Logits are overwritten with their gradient.
    /// </summary>
    public void Backward(float lossScale = 1f)
    {
        var a = Acts();
        if (!a.HasTargets) throw new InvalidOperationException("Backward needs a forward pass with targets.");
        var cfg = Config;
        var L = Layout;
        int b = a.B, t = a.T, c = cfg.Channels, nh = cfg.NumHeads, v = cfg.VocabSize, n = b * t;
        int nc = n * c, natt = b * nh * t * t;
        ReadOnlySpan<float> p = Parameters;
        Span<float> g = Gradients;

        int count = 0;
        foreach (int target in a.Targets.AsSpan(0, n)) if (target >= 0) count++;
        a.DLosses.AsSpan().Fill(count == 0 ? 0f : lossScale / count);

        // dlogits overwrite the logits (llm.c does the same): they are not needed any more.
        var dlogits = a.Logits.AsSpan();
        dlogits.Clear();
        CrossEntropy.SoftmaxBackward(dlogits, a.DLosses, a.Probs, a.Targets, n, v);
        var dres = a.DResidual.AsSpan();
        var dln = a.DLn.AsSpan();
        dln.Clear();
        MatMul.Backward(dln, g.Slice(L.Wte, v * c), [], dlogits, a.LnF, p.Slice(L.Wte, v * c), n, c, v);
        dres.Clear();
        ReadOnlySpan<float> last = a.Residual3.AsSpan((cfg.NumLayers - 1) * nc, nc);
        LayerNorm.Backward(dres, g.Slice(L.LnFW, c), g.Slice(L.LnFB, c), dln, last, p.Slice(L.LnFW, c), a.LnFMean, a.LnFRstd, n, c);

        for (int l = cfg.NumLayers - 1; l >= 0; l--)
        {
            // dres holds d(residual3 of layer l) on entry and d(residual input of layer l) on exit.
            ReadOnlySpan<float> residual = l == 0 ? a.Encoded : a.Residual3.AsSpan((l - 1) * nc, nc);
            var dfchGelu = a.DFchGelu.AsSpan();
            var dfch = a.DFch.AsSpan();
            dfchGelu.Clear();
            MatMul.Backward(dfchGelu, g.Slice(L.FcProjW + l * 4 * c * c, 4 * c * c), g.Slice(L.FcProjB + l * c, c),
                dres, a.FchGelu.AsSpan(l * 4 * nc, 4 * nc), p.Slice(L.FcProjW + l * 4 * c * c, 4 * c * c), n, 4 * c, c);
            dfch.Clear();
            Gelu.Backward(dfch, a.Fch.AsSpan(l * 4 * nc, 4 * nc), dfchGelu);
            dln.Clear();
            MatMul.Backward(dln, g.Slice(L.FcW + l * 4 * c * c, 4 * c * c), g.Slice(L.FcB + l * 4 * c, 4 * c),
                dfch, a.Ln2.AsSpan(l * nc, nc), p.Slice(L.FcW + l * 4 * c * c, 4 * c * c), n, c, 4 * c);
            // residual3 = residual2 + fcproj: d(residual2) = dres + the LayerNorm path, accumulated in place.
            LayerNorm.Backward(dres, g.Slice(L.Ln2W + l * c, c), g.Slice(L.Ln2B + l * c, c), dln,
                a.Residual2.AsSpan(l * nc, nc), p.Slice(L.Ln2W + l * c, c), a.Ln2Mean.AsSpan(l * n, n), a.Ln2Rstd.AsSpan(l * n, n), n, c);
            var datty = a.DAtty.AsSpan();
            datty.Clear();
            MatMul.Backward(datty, g.Slice(L.AttProjW + l * c * c, c * c), g.Slice(L.AttProjB + l * c, c),
                dres, a.Atty.AsSpan(l * nc, nc), p.Slice(L.AttProjW + l * c * c, c * c), n, c, c);
            var dqkv = a.DQkv.AsSpan();
            dqkv.Clear();
            Attention.Backward(dqkv, datty, a.Qkv.AsSpan(l * 3 * nc, 3 * nc), a.Att.AsSpan(l * natt, natt), b, t, c, nh);
            dln.Clear();
            MatMul.Backward(dln, g.Slice(L.QkvW + l * 3 * c * c, 3 * c * c), g.Slice(L.QkvB + l * 3 * c, 3 * c),
                dqkv, a.Ln1.AsSpan(l * nc, nc), p.Slice(L.QkvW + l * 3 * c * c, 3 * c * c), n, c, 3 * c);
            // residual2 = residual + attproj: same in-place accumulation.
            LayerNorm.Backward(dres, g.Slice(L.Ln1W + l * c, c), g.Slice(L.Ln1B + l * c, c), dln,
                residual, p.Slice(L.Ln1W + l * c, c), a.Ln1Mean.AsSpan(l * n, n), a.Ln1Rstd.AsSpan(l * n, n), n, c);
        }
        Encoder.Backward(g.Slice(L.Wte, v * c), g.Slice(L.Wpe, cfg.MaxSeqLen * c), dres, a.Inputs, b, t, c);
        // The logits buffer now holds gradients; a later Logits read must not see them.
        a.LogitsAreGradients = true;
    }
}
