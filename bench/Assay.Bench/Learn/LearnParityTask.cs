using Assay.Learn.Checkpoints;
using Assay.Learn.Gpt;
using Assay.Learn.Kernels;

namespace Assay.Bench.Learn;

/// <summary>
/// Writes a GPT checkpoint, a batch, and our logits, loss and gradients (in Hugging Face names
/// and layout) to DIR, then runs bench/learn/parity.py check DIR to compare with PyTorch. Then
/// parity.py hf DIR rewrites the model the way real GPT-2 checkpoints are stored (the hub's
/// prefix-less F32 layout with mask buffers; a torch state_dict with tied lm_head and BOOL masks
/// in F16) with torch's logits, and we load each folder and compare (no model hub is reachable
/// here, so this stands in for loading the real gpt2 weights).
/// </summary>
public sealed class LearnParityTask : IBenchTask
{
    public string Name => "learn-parity";
    public string Description => "GPT logits/loss/gradients vs PyTorch (needs /usr/bin/python3 with torch). Args: [DIR] [--managed]";

    public int Run(string[] args)
    {
        string dir = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? Path.Combine(Path.GetTempPath(), "assay-learn-parity");
        if (args.Contains("--managed")) MatMul.Backend = MatMulBackend.Managed;
        Directory.CreateDirectory(dir);
        var config = new GptConfig(VocabSize: 300, MaxSeqLen: 64, NumLayers: 2, NumHeads: 4, Channels: 64);
        var model = GptModel.Create(config, seed: 1);
        var rng = new Random(2);
        // Perturb everything (biases and LayerNorm gains start at 0 and 1) so every path is exercised.
        for (int i = 0; i < model.Parameters.Length; i++) model.Parameters[i] += 0.05f * GptModel.Gaussian(rng);
        int b = 4, t = 32;
        var inputs = new int[b * t];
        var targets = new int[b * t];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = rng.Next(config.VocabSize);
            targets[i] = rng.Next(config.VocabSize);
        }
        targets[5] = -1; // ignored position, as ignore_index=-1 in torch

        GptCheckpoint.Save(model, dir);
        SafeTensors.Write(Path.Combine(dir, "batch.safetensors"),
            [("inputs", [b, t], Array.ConvertAll(inputs, x => (float)x)), ("targets", [b, t], Array.ConvertAll(targets, x => (float)x))]);
        model.ZeroGradients();
        float loss = model.Forward(inputs, targets, b, t);
        float[] logits = model.Logits.ToArray();
        model.Backward();
        var tensors = new List<(string, int[], ReadOnlyMemory<float>)>
        {
            ("logits", [b, t, config.VocabSize], logits),
            ("loss", [1], new[] { loss }),
        };
        foreach (var p in model.Layout.Tensors)
        {
            var g = model.Gradients.AsSpan(p.Offset, p.Count);
            if (!p.TransposedInCheckpoint)
            {
                tensors.Add(("grad." + p.Name, p.Shape, g.ToArray()));
                continue;
            }
            var tr = new float[p.Count];
            MatMul.Transpose(g, tr, p.Shape[0], p.Shape[1]);
            tensors.Add(("grad." + p.Name, [p.Shape[1], p.Shape[0]], tr));
        }
        SafeTensors.Write(Path.Combine(dir, "ours.safetensors"), tensors);
        Console.WriteLine($"wrote {dir} (matmul backend {MatMul.EffectiveBackend}); running parity.py check");
        int rc = Python.Run(["check", dir]);
        if (rc != 0) return rc;
        rc = Python.Run(["hf", dir]);
        if (rc != 0) return rc;
        bool ok = true;
        foreach (string folder in new[] { "hf-hub", "hf-torch-f16" })
            ok &= CompareHf(Path.Combine(dir, folder), inputs, targets, b, t);
        Console.WriteLine(ok ? "GPT-2 LAYOUTS OK" : "GPT-2 LAYOUTS FAILED");
        return ok ? 0 : 1;
    }

    /// <summary>Loads a GPT-2-layout folder and compares our logits and loss with torch's on the same batch.</summary>
    private static bool CompareHf(string folder, int[] inputs, int[] targets, int b, int t)
    {
        var model = GptCheckpoint.Load(folder);
        float loss = model.Forward(inputs, targets, b, t);
        var torch = SafeTensors.Read(Path.Combine(folder, "torch.safetensors"));
        var logits = model.Logits;
        float maxDiff = 0;
        for (int i = 0; i < logits.Length; i++) maxDiff = Math.Max(maxDiff, Math.Abs(logits[i] - torch["logits"].Data[i]));
        float lossDiff = Math.Abs(loss - torch["loss"].Data[0]);
        bool ok = maxDiff <= 1e-4f && lossDiff <= 1e-4f;
        Console.WriteLine($"{Path.GetFileName(folder)}: logits max |diff| {maxDiff:E2}, loss ours {loss:F7} torch {torch["loss"].Data[0]:F7} |diff| {lossDiff:E2} (tolerance 1e-4) {(ok ? "OK" : "FAIL")}");
        return ok;
    }
}
