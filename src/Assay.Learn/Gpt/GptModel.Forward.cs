using Assay.Learn.Kernels;

namespace Assay.Learn.Gpt;

public sealed partial class GptModel
{
    /// <summary>
    /// Runs the model on inputs (B, T). With targets (B, T) it computes per-position cross-entropy
    /// and returns the mean over positions whose target is not negative; without, it returns NaN.
    /// </summary>
    public float Forward(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets, int b, int t)
    {
        if (inputs.Length != b * t) throw new ArgumentException($"inputs has {inputs.Length} ids, expected B*T={b * t}.");
        if (!targets.IsEmpty && targets.Length != b * t) throw new ArgumentException($"targets has {targets.Length} ids, expected B*T={b * t}.");
        var a = Ensure(b, t);
        var cfg = Config;
        var L = Layout;
        int c = cfg.Channels, nh = cfg.NumHeads, v = cfg.VocabSize, n = b * t;
        int nc = n * c, natt = b * nh * t * t;
        ReadOnlySpan<float> p = Parameters;
        inputs.CopyTo(a.Inputs);
        a.HasTargets = !targets.IsEmpty;
        if (a.HasTargets) targets.CopyTo(a.Targets);

        Encoder.Forward(a.Encoded, inputs, p.Slice(L.Wte, v * c), p.Slice(L.Wpe, cfg.MaxSeqLen * c), b, t, c);
        for (int l = 0; l < cfg.NumLayers; l++)
        {
            ReadOnlySpan<float> residual = l == 0 ? a.Encoded : a.Residual3.AsSpan((l - 1) * nc, nc);
            var ln1 = a.Ln1.AsSpan(l * nc, nc);
            var qkv = a.Qkv.AsSpan(l * 3 * nc, 3 * nc);
            var atty = a.Atty.AsSpan(l * nc, nc);
            var attproj = a.AttProj.AsSpan(l * nc, nc);
            var res2 = a.Residual2.AsSpan(l * nc, nc);
            var ln2 = a.Ln2.AsSpan(l * nc, nc);
            var fch = a.Fch.AsSpan(l * 4 * nc, 4 * nc);
            var fchGelu = a.FchGelu.AsSpan(l * 4 * nc, 4 * nc);
            var fcproj = a.FcProj.AsSpan(l * nc, nc);
            var res3 = a.Residual3.AsSpan(l * nc, nc);

            LayerNorm.Forward(ln1, a.Ln1Mean.AsSpan(l * n, n), a.Ln1Rstd.AsSpan(l * n, n), residual,
                p.Slice(L.Ln1W + l * c, c), p.Slice(L.Ln1B + l * c, c), n, c);
            MatMul.Forward(qkv, ln1, p.Slice(L.QkvW + l * 3 * c * c, 3 * c * c), p.Slice(L.QkvB + l * 3 * c, 3 * c), n, c, 3 * c);
            Attention.Forward(atty, a.Att.AsSpan(l * natt, natt), qkv, b, t, c, nh);
            MatMul.Forward(attproj, atty, p.Slice(L.AttProjW + l * c * c, c * c), p.Slice(L.AttProjB + l * c, c), n, c, c);
            Residual.Forward(res2, residual, attproj);
            LayerNorm.Forward(ln2, a.Ln2Mean.AsSpan(l * n, n), a.Ln2Rstd.AsSpan(l * n, n), res2,
                p.Slice(L.Ln2W + l * c, c), p.Slice(L.Ln2B + l * c, c), n, c);
            MatMul.Forward(fch, ln2, p.Slice(L.FcW + l * 4 * c * c, 4 * c * c), p.Slice(L.FcB + l * 4 * c, 4 * c), n, c, 4 * c);
            Gelu.Forward(fchGelu, fch);
            MatMul.Forward(fcproj, fchGelu, p.Slice(L.FcProjW + l * 4 * c * c, 4 * c * c), p.Slice(L.FcProjB + l * c, c), n, 4 * c, c);
            Residual.Forward(res3, res2, fcproj);
        }
        ReadOnlySpan<float> last = a.Residual3.AsSpan((cfg.NumLayers - 1) * nc, nc);
        LayerNorm.Forward(a.LnF, a.LnFMean, a.LnFRstd, last, p.Slice(L.LnFW, c), p.Slice(L.LnFB, c), n, c);
        // lm_head is tied to wte (V, C): logits = lnf · wte^T
        MatMul.Forward(a.Logits, a.LnF, p.Slice(L.Wte, v * c), [], n, c, v);
        Softmax.Forward(a.Probs, a.Logits, n, v);
        a.HasForward = true;
        a.LogitsAreGradients = false;
        if (!a.HasTargets) return float.NaN;

        CrossEntropy.Forward(a.Losses, a.Probs, targets, n, v);
        double sum = 0;
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            if (targets[i] < 0) continue;
            sum += a.Losses[i];
            count++;
        }
        return count == 0 ? 0f : (float)(sum / count);
    }
}
