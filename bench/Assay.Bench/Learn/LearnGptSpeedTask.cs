using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Assay.Learn.Gpt;
using Assay.Learn.Kernels;
using Assay.Learn.Training;

namespace Assay.Bench.Learn;

/// <summary>
/// Training tokens/s and forward-only scoring tokens/s of our GPT against PyTorch CPU on the same
/// shape and thread count. Defaults: n_layer 4, n_head 4, n_embd 256, ctx 256, batch 8, vocab 8192, 2 threads.
/// </summary>
public sealed class LearnGptSpeedTask : IBenchTask
{
    public string Name => "learn-gpt-speed";
    public string Description => "GPT train/score tokens/s vs PyTorch CPU. Args: --threads N --steps N --vocab N --managed --no-torch";

    public int Run(string[] args)
    {
        int Arg(string name, int def)
        {
            int i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : def;
        }
        int layers = Arg("layers", 4), heads = Arg("heads", 4), embd = Arg("embd", 256), ctx = Arg("ctx", 256);
        int batch = Arg("batch", 8), vocab = Arg("vocab", 8192), threads = Arg("threads", 2), steps = Arg("steps", 5), warmup = Arg("warmup", 1);
        if (args.Contains("--managed")) MatMul.Backend = MatMulBackend.Managed;
        LearnThreads.Count = threads;

        var config = new GptConfig(vocab, ctx, layers, heads, embd);
        var model = GptModel.Create(config, 0);
        var rng = new Random(1);
        var x = new int[batch * ctx];
        var y = new int[batch * ctx];
        for (int i = 0; i < x.Length; i++) { x[i] = rng.Next(vocab); y[i] = rng.Next(vocab); }
        var adam = new AdamW(model.Layout.Count);
        var ranges = model.Layout.Tensors.Select(t => (t.Offset, t.Count, t.Shape.Length >= 2)).ToList();
        void TrainStep()
        {
            model.ZeroGradients();
            model.Forward(x, y, batch, ctx);
            model.Backward();
            double norm = model.GradientNorm();
            if (norm > 1) System.Numerics.Tensors.TensorPrimitives.Multiply(model.Gradients, (float)(1 / norm), model.Gradients);
            adam.Update(model.Parameters, model.Gradients, ranges, 3e-4f, 0.9f, 0.95f, 1e-8f, 0.1f);
        }
        for (int i = 0; i < warmup; i++) TrainStep();
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < steps; i++) TrainStep();
        double trainS = sw.Elapsed.TotalSeconds / steps;
        for (int i = 0; i < warmup; i++) model.Forward(x, [], batch, ctx);
        sw.Restart();
        for (int i = 0; i < steps; i++) model.Forward(x, [], batch, ctx);
        double fwdS = sw.Elapsed.TotalSeconds / steps;
        double tokens = batch * ctx;
        double oursTrain = tokens / trainS, oursFwd = tokens / fwdS;
        Console.WriteLine($"config: n_layer={layers} n_head={heads} n_embd={embd} ctx={ctx} batch={batch} vocab={vocab} threads={threads} steps={steps} (+{warmup} warmup)");
        Console.WriteLine($"assay  ({MatMul.EffectiveBackend}): train {trainS * 1e3,8:F0} ms/step {oursTrain,9:F0} tok/s   forward {oursFwd,9:F0} tok/s");
        if (args.Contains("--no-torch")) return 0;

        string[] pyArgs = ["speed", "--layers", $"{layers}", "--heads", $"{heads}", "--embd", $"{embd}", "--ctx", $"{ctx}",
            "--batch", $"{batch}", "--vocab", $"{vocab}", "--threads", $"{threads}", "--steps", $"{steps}", "--warmup", $"{warmup}"];
        if (Python.Run(pyArgs, echo: false, out string stdout) != 0) { Console.Error.WriteLine("parity.py speed failed"); return 1; }
        using var doc = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
        var r = doc.RootElement;
        double tTrain = r.GetProperty("train_tokens_per_s").GetDouble(), tFwd = r.GetProperty("forward_tokens_per_s").GetDouble();
        Console.WriteLine($"torch  {r.GetProperty("torch").GetString()} ({r.GetProperty("threads").GetInt32()} threads): train {r.GetProperty("train_step_ms").GetDouble(),8:F0} ms/step {tTrain,9:F0} tok/s   forward {tFwd,9:F0} tok/s");
        Console.WriteLine($"ratio assay/torch: train {oursTrain / tTrain:F2}x   forward {oursFwd / tFwd:F2}x");
        return 0;
    }
}
