using Assay.Learn.Checkpoints;
using Assay.Learn.Gpt;
using Assay.Learn.Kernels;

namespace Assay.Bench.Learn;

/// <summary>
/// Writes a GPT checkpoint, a batch, and our logits, loss and gradients (in Hugging Face names
/// and layout) to DIR, then runs bench/learn/parity.py check DIR to compare with PyTorch.
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
        return Python.Run(["check", dir]);
    }
}
