using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Assay.Learn.Gpt;

namespace Assay.Learn.Training;

/// <summary>
/// Trains a GPT with AdamW, warmup + cosine learning rate, global-norm clipping and gradient
/// accumulation. Deterministic for a seed and thread count: batches are keyed by (seed, step),
/// and every reduction runs in a fixed order. Writes loss.jsonl (one JSON object per step) and a
/// resumable checkpoint folder under the output directory.
/// </summary>
public static class GptTrainer
{
    public const string LossLogFile = "loss.jsonl";
    public const string CheckpointFolder = "checkpoint";

    public static TrainResult Train(GptModel model, TokenDataset train, TokenDataset? validation, TrainOptions options,
        string outputDirectory, bool resume = false, IProgress<TrainProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        if (options.SeqLen > model.Config.MaxSeqLen)
            throw new ArgumentException($"SeqLen {options.SeqLen} exceeds the model's n_positions {model.Config.MaxSeqLen}.");
        Directory.CreateDirectory(outputDirectory);
        string logPath = Path.Combine(outputDirectory, LossLogFile);
        string ckptDir = Path.Combine(outputDirectory, CheckpointFolder);

        var ranges = model.Layout.Tensors.Select(t => (t.Offset, t.Count, Decay: t.Shape.Length >= 2)).ToList();
        var adam = new AdamW(model.Layout.Count);
        int start = 0;
        if (resume && Directory.Exists(ckptDir))
        {
            start = TrainingCheckpoint.Load(ckptDir, model, adam, options.Seed, options.Tokenizer);
            TruncateLog(logPath, start);
        }
        else if (File.Exists(logPath))
        {
            File.Delete(logPath);
        }

        var schedule = new LearningRateSchedule(options.MaxLr, options.MinLr, options.WarmupSteps, options.MaxSteps);
        int b = options.BatchSize, t = options.SeqLen, accum = options.GradAccumSteps;
        var inputs = new int[b * t];
        var targets = new int[b * t];
        long tokensPerStep = (long)b * t * accum;
        float lastLoss = float.NaN;
        using var log = new StreamWriter(logPath, append: true, new UTF8Encoding(false));
        for (int step = start; step < options.MaxSteps; step++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                TrainingCheckpoint.Save(ckptDir, model, adam, step, options.Seed, options.Tokenizer);
                cancellationToken.ThrowIfCancellationRequested();
            }
            var sw = Stopwatch.StartNew();
            model.ZeroGradients();
            double loss = 0;
            for (int micro = 0; micro < accum; micro++)
            {
                train.Batch(options.Seed, step, micro, b, t, inputs, targets);
                loss += model.Forward(inputs, targets, b, t);
                model.Backward(1f / accum);
            }
            lastLoss = (float)(loss / accum);
            double norm = model.GradientNorm();
            if (options.GradClip > 0 && norm > options.GradClip)
            {
                float scale = (float)(options.GradClip / norm);
                System.Numerics.Tensors.TensorPrimitives.Multiply(model.Gradients, scale, model.Gradients);
            }
            float lr = schedule.At(step);
            adam.Update(model.Parameters, model.Gradients, ranges, lr, options.Beta1, options.Beta2, options.Eps, options.WeightDecay);
            int done = step + 1;
            float? val = validation is not null && options.EvalEvery > 0 && (done % options.EvalEvery == 0 || done == options.MaxSteps)
                ? Evaluate(model, validation, b, t, options.EvalBatches)
                : null;
            var p = new TrainProgress(done, lastLoss, lr, norm, done * tokensPerStep, sw.Elapsed.TotalMilliseconds, val);
            WriteLogLine(log, p);
            progress?.Report(p);
            if ((options.CheckpointEvery > 0 && done % options.CheckpointEvery == 0) || done == options.MaxSteps)
            {
                log.Flush();
                TrainingCheckpoint.Save(ckptDir, model, adam, done, options.Seed, options.Tokenizer);
            }
        }
        return new TrainResult(Math.Max(start, options.MaxSteps), start, lastLoss, logPath, ckptDir);
    }

    /// <summary>Mean loss over the first `batches` consecutive (B, T) windows of the dataset.</summary>
    public static float Evaluate(GptModel model, TokenDataset data, int b, int t, int batches)
    {
        var inputs = new int[b * t];
        var targets = new int[b * t];
        double sum = 0;
        for (int i = 0; i < batches; i++)
        {
            data.Sequential(i * b, b, t, inputs, targets);
            sum += model.Forward(inputs, targets, b, t);
        }
        return (float)(sum / batches);
    }

    private static void WriteLogLine(StreamWriter log, TrainProgress p)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            w.WriteNumber("step", p.Step);
            w.WriteNumber("loss", p.Loss);
            w.WriteNumber("lr", p.LearningRate);
            w.WriteNumber("grad_norm", p.GradNorm);
            w.WriteNumber("tokens", p.Tokens);
            w.WriteNumber("ms", Math.Round(p.Milliseconds, 3));
            if (p.ValLoss is float v) w.WriteNumber("val_loss", v);
            w.WriteEndObject();
        }
        log.WriteLine(Encoding.UTF8.GetString(ms.ToArray()));
    }

    private static int StepOf(string line)
    {
        using var doc = JsonDocument.Parse(line);
        return doc.RootElement.GetProperty("step").GetInt32();
    }

    /// <summary>Drops log lines for steps after the checkpoint being resumed, so the log has no duplicates.</summary>
    private static void TruncateLog(string path, int lastStep)
    {
        if (!File.Exists(path)) return;
        var keep = File.ReadLines(path).Where(l => l.Length > 0 && StepOf(l) <= lastStep).ToList();
        File.WriteAllLines(path, keep);
    }
}
