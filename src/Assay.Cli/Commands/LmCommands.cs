using System.CommandLine;
using System.Text.Json;
using Assay.Cli.Infrastructure;
using Assay.Core.Datasets;
using Assay.Core.Progress;
using Assay.Core.Records;
using Assay.Learn.Analysis;
using Assay.Learn.Checkpoints;
using Assay.Learn.Gpt;
using Assay.Learn.Kernels;
using Assay.Learn.Training;

namespace Assay.Cli.Commands;

/// <summary>
/// <c>assay lm train|score|generate</c>: a small GPT trained on a dataset's text with a byte or
/// tiktoken BPE tokenizer (recorded in the checkpoint), used to score documents (per-token
/// log-likelihood) and to sample text. Handlers only call Assay.Learn. Paths take issue #4's
/// spellings (<c>lm train --data D --out DIR</c>, <c>lm score --model DIR --input D --output F</c>,
/// <c>lm generate --model DIR</c>) or the older positional ones (<c>lm score CHECKPOINT DATASET -o F</c>).
/// </summary>
internal sealed class LmCommands : ICommandGroup
{
    public IEnumerable<Command> Commands()
    {
        var lm = new Command("lm", "Train, score with, and sample from a small GPT (Assay.Learn engine, GPT-2 checkpoint layout)");
        lm.Add(Train());
        lm.Add(Score());
        lm.Add(Generate());
        yield return lm;
    }

    private static Option<int> Int(string name, int def, string description) =>
        new(name) { Description = description, DefaultValueFactory = _ => def };

    private static Option<float> Float(string name, float def, string description) =>
        new(name) { Description = description, DefaultValueFactory = _ => def };

    private static Option<int> Threads() => Int("--threads", 0, "Kernel threads (0 = all cores); results do not depend on it with the managed matmul");

    /// <summary>The shape without --config: small enough to train in seconds.</summary>
    private static GptConfig DefaultShape(int vocabSize) => new(vocabSize, MaxSeqLen: 128, NumLayers: 2, NumHeads: 4, Channels: 128);

    private static Option<int?> Shape(string name, string description) => new(name) { Description = description + "; overrides --config" };

    private static Command Train()
    {
        var dataset = ArgumentOrOption.Create("DATASET", "--data", "DATASET", "Training text: " + DatasetInput.Expected);
        var output = CommonOptions.Output("Folder for loss.jsonl, checkpoint/ and report.html");
        output.Aliases.Add("--out");
        output.HelpName = "DIR";
        var def = DefaultShape(0);
        var config = new Option<string?>("--config")
        {
            Description = $"Model shape: {GptPresets.Describe()}, or a JSON file with config.json's n_layer, n_head, n_embd, n_positions " +
                          $"(vocab_size follows --tokenizer). Without it: {def.NumLayers} layers, {def.NumHeads} heads, width {def.Channels}, context {def.MaxSeqLen}",
            HelpName = string.Join('|', GptPresets.KnownNames) + "|FILE",
        };
        var layers = Shape("--layers", "Transformer blocks (n_layer)");
        var heads = Shape("--heads", "Attention heads (n_head)");
        var embd = Shape("--embd", "Width (n_embd), a multiple of the heads");
        var tokenizer = new Option<string>("--tokenizer")
        {
            Description = $"Tokenizer, recorded in the checkpoint: {string.Join(", ", LmTokenizer.KnownNames)} (vocab_size follows it; documents are separated by its end-of-text token)",
            DefaultValueFactory = _ => LmTokenizer.ByteName,
        };
        var context = Shape("--context", "Context length in tokens (n_positions, also the training window)");
        var batch = Int("--batch", 8, "Windows per micro-batch");
        var accum = Int("--accum", 1, "Micro-batches per optimizer step (gradient accumulation)");
        var steps = Int("--steps", 200, "Optimizer steps");
        var lr = Float("--lr", 1e-3f, "Peak learning rate (warmup then cosine to a tenth of it)");
        var warmup = Int("--warmup", 20, "Warmup steps");
        var evalEvery = Int("--eval-every", 50, "Validation loss every N steps (0 = never); every 20th document is held out");
        var ckptEvery = Int("--checkpoint-every", 100, "Save a resumable checkpoint every N steps (always at the end)");
        var maxDocs = Int("--max-docs", 0, "Use only the first N documents (0 = all)");
        var resume = new Option<bool>("--resume") { Description = "Continue from OUTPUT/checkpoint (same seed and shape)" };
        var seed = CommonOptions.Seed();
        var threads = Threads();
        var cmd = new Command("train", "Train a GPT on a dataset's text; writes loss.jsonl, a Hugging Face-style checkpoint and report.html")
        {
            dataset.Argument, dataset.Option, output, tokenizer, config, layers, heads, embd, context, batch, accum, steps, lr, warmup, evalEvery, ckptEvery, maxDocs, resume, seed, threads,
        };
        cmd.SetHandler((parse, ctx, ct) =>
        {
            SetThreads(parse.GetValue(threads));
            var input = DatasetInput.Resolve(ArgumentOrOption.Resolve(parse, dataset)[0]);
            string outDir = parse.GetValue(output)!;
            int docs = parse.GetValue(maxDocs);
            var tok = LoadTokenizer(parse.GetValue(tokenizer)!, ctx, ct);
            string? configSpec = parse.GetValue(config);
            var shape = configSpec is null ? DefaultShape(tok.VocabSize) : ConfigFor(configSpec, tok.VocabSize);
            shape = shape with
            {
                NumLayers = parse.GetValue(layers) ?? shape.NumLayers, NumHeads = parse.GetValue(heads) ?? shape.NumHeads,
                Channels = parse.GetValue(embd) ?? shape.Channels, MaxSeqLen = parse.GetValue(context) ?? shape.MaxSeqLen,
            };
            shape.Validate();
            var texts = DatasetReader.Read(input).Select(r => r.Text);
            var corpus = TokenCorpus.Build(docs > 0 ? texts.Take(docs) : texts, tok);
            ctx.Info($"{corpus.TrainDocuments:N0} training documents ({corpus.Train.Length:N0} {tok.Name} tokens), {corpus.ValidationDocuments:N0} held out");
            int s = unchecked((int)parse.GetValue(seed));
            var model = GptModel.Create(shape, s);
            float peak = parse.GetValue(lr);
            var options = new TrainOptions
            {
                BatchSize = parse.GetValue(batch), SeqLen = shape.MaxSeqLen, GradAccumSteps = parse.GetValue(accum),
                MaxSteps = parse.GetValue(steps), MaxLr = peak, MinLr = peak / 10, WarmupSteps = parse.GetValue(warmup),
                EvalEvery = corpus.Validation is null ? 0 : parse.GetValue(evalEvery), CheckpointEvery = parse.GetValue(ckptEvery), Seed = s,
                Tokenizer = tok.Name,
            };
            var result = ctx.WithProgress("lm train", p =>
                GptTrainer.Train(model, corpus.Train, corpus.Validation, options, outDir, parse.GetValue(resume), new StepProgress(p, options.MaxSteps), ct));
            string report = TrainingReport.Write(result.LossLogPath, outDir, $"LM training: {Path.GetFileName(Path.TrimEndingDirectorySeparator(input.Spec))}",
            [
                ("command", "assay " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1))),
                ("model", $"{(configSpec is null ? "" : configSpec + ": ")}{shape.NumLayers} layers, {shape.NumHeads} heads, width {shape.Channels}, context {shape.MaxSeqLen}, {model.Layout.Count:N0} parameters"),
                ("tokenizer", $"{tok.Name} (vocab {tok.VocabSize:N0}, end-of-text {tok.EndOfText}); {corpus.Train.Length:N0} training tokens"),
                ("matmul", MatMul.EffectiveBackend.ToString()),
            ]);
            ctx.Result(new { steps = result.Steps, resumed_from = result.ResumedFromStep, final_loss = result.FinalLoss, loss_log = result.LossLogPath, checkpoint = result.CheckpointDirectory, report },
                $"{result.Steps} steps{(result.ResumedFromStep > 0 ? $" (resumed at {result.ResumedFromStep})" : "")}, final train loss {result.FinalLoss:F4}\n" +
                $"checkpoint: {result.CheckpointDirectory}\nloss log:   {result.LossLogPath}\nreport:     {Path.GetFullPath(report)}");
            return 0;
        });
        return cmd;
    }

    /// <summary>A --config preset name or JSON file; an unknown name is a usage error listing the known ones.</summary>
    private static GptConfig ConfigFor(string spec, int vocabSize)
    {
        try
        {
            return GptPresets.Resolve(spec, vocabSize);
        }
        catch (ArgumentException e) { throw new CliUserException($"--config: {e.Message}"); }
    }

    private static ArgumentOrOption Checkpoint() => ArgumentOrOption.Create("CHECKPOINT", "--model", "DIR",
        "A checkpoint folder (model.safetensors + config.json) from 'assay lm train', or a converted GPT-2 checkpoint");

    private static Option<string?> TokenizerOverride() => new("--tokenizer")
    {
        Description = $"Tokenizer to use instead of the one config.json records (needed for a converted GPT-2 checkpoint: gpt2); one of {string.Join(", ", LmTokenizer.KnownNames)}",
    };

    private static Command Score()
    {
        var checkpoint = Checkpoint();
        var dataset = ArgumentOrOption.Create("DATASET", "--input", "DATASET",
            "Documents to score: " + DatasetInput.Expected + ". A record whose meta.tokens is an int array is scored on those ids as given", "-i");
        var output = CommonOptions.Output("JSONL file: one {id, logprob, tokens, ppl} line per record (logprob in nats, summed over tokens)");
        var tokenizer = TokenizerOverride();
        var onError = CommonOptions.OnError();
        var threads = Threads();
        var cmd = new Command("score", "Per-document log-probability (nats), token count and perplexity under a trained GPT, with the model's own tokenizer")
            { checkpoint.Argument, dataset.Argument, checkpoint.Option, dataset.Option, output, tokenizer, onError, threads };
        cmd.SetHandler((parse, ctx, ct) =>
        {
            SetThreads(parse.GetValue(threads));
            var paths = ArgumentOrOption.Resolve(parse, checkpoint, dataset);
            string dir = paths[0], data = paths[1];
            var model = GptCheckpoint.Load(dir);
            var tok = TokenizerFor(dir, model, parse.GetValue(tokenizer), ctx, ct);
            var input = DatasetInput.Resolve(data);
            string outPath = parse.GetValue(output)!;
            var onErr = parse.GetValue(onError);
            int vocab = model.Config.VocabSize;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
            using var quarantine = onErr == OnError.Quarantine ? new QuarantineWriter(outPath + ".quarantine") : null;
            // Bad meta.tokens fail or are quarantined by the reader, which knows the file and line.
            var read = new ReadOptions { OnError = onErr, Quarantine = quarantine, Check = r => RecordTokens.Problem(r, vocab) };
            var (records, tokens, logProb) = ctx.WithProgress("lm score", p =>
            {
                long n = 0, count = 0;
                double lp = 0;
                using var writer = new StreamWriter(outPath);
                foreach (var record in DatasetReader.Read(input, read))
                {
                    ct.ThrowIfCancellationRequested();
                    var score = GptScorer.Score(model, RecordTokens.Of(record, tok, vocab), tok.EndOfText);
                    writer.WriteLine(JsonSerializer.Serialize(new { id = record.Id, logprob = score.LogProb, tokens = score.Tokens, ppl = score.Tokens > 0 ? score.Perplexity : (double?)null }));
                    n++;
                    count += score.Tokens;
                    lp += score.LogProb;
                    p.Report(new ProgressInfo("score", n, null, "records"));
                }
                return (n, count, lp);
            });
            double nll = tokens == 0 ? double.NaN : -logProb / tokens;
            long bad = quarantine?.Count ?? 0;
            ctx.Result(new { records, tokens, tokenizer = tok.Name, logprob = logProb, nll = tokens == 0 ? (double?)null : nll, ppl = tokens == 0 ? (double?)null : Math.Exp(nll), quarantined = bad, output = outPath },
                $"{records:N0} records, {tokens:N0} {tok.Name} tokens, mean NLL {nll:F4} nats/token (perplexity {Math.Exp(nll):F3})\nscores: {outPath}" +
                (bad > 0 ? $"\nquarantined: {bad:N0} records in {outPath}.quarantine" : ""));
            return 0;
        });
        return cmd;
    }

    private static Command Generate()
    {
        var checkpoint = Checkpoint();
        var prompt = new Option<string>("--prompt") { Description = "Text to continue (empty: start after end-of-text)", DefaultValueFactory = _ => "" };
        var maxNew = Int("--max-new", 200, "Tokens to generate");
        var temperature = Float("--temperature", 0.8f, "Sampling temperature (0 = greedy)");
        var topK = Int("--top-k", 0, "Keep only the K most likely tokens (0 = off)");
        var topP = Float("--top-p", 1f, "Nucleus sampling: keep the smallest set with this probability (1 = off)");
        var tokenizer = TokenizerOverride();
        var seed = CommonOptions.Seed();
        var cmd = new Command("generate", "Sample text from a trained GPT with its own tokenizer (seeded, reproducible)") { checkpoint.Argument, checkpoint.Option, prompt, maxNew, temperature, topK, topP, tokenizer, seed };
        cmd.SetHandler((parse, ctx, ct) =>
        {
            string dir = ArgumentOrOption.Resolve(parse, checkpoint)[0];
            var model = GptCheckpoint.Load(dir);
            var tok = TokenizerFor(dir, model, parse.GetValue(tokenizer), ctx, ct);
            string text = parse.GetValue(prompt)!;
            int[] ids = [tok.EndOfText, .. tok.Encode(text)];
            var options = new GenerationOptions(parse.GetValue(maxNew), parse.GetValue(temperature), parse.GetValue(topK), parse.GetValue(topP),
                unchecked((int)parse.GetValue(seed)), tok.EndOfText);
            var generated = GptGenerator.Generate(model, ids, options);
            string completion = tok.Decode(generated);
            ctx.Result(new { prompt = text, completion, tokens = generated.Length, tokenizer = tok.Name }, text + completion);
            return 0;
        });
        return cmd;
    }

    private static LmTokenizer LoadTokenizer(string name, CliContext ctx, CancellationToken ct) =>
        LmTokenizer.Load(name, () => TiktokenRanks.Directory(ctx, ct));

    private static LmTokenizer TokenizerFor(string checkpoint, GptModel model, string? requested, CliContext ctx, CancellationToken ct) =>
        LmTokenizer.ForModel(requested, GptCheckpoint.TokenizerOf(checkpoint), model.Config.VocabSize, () => TiktokenRanks.Directory(ctx, ct));

    private static void SetThreads(int n)
    {
        if (n > 0) LearnThreads.Count = n;
    }

    /// <summary>Training steps as CLI progress.</summary>
    private sealed class StepProgress(IProgress<ProgressInfo> sink, int total) : IProgress<TrainProgress>
    {
        public void Report(TrainProgress value) => sink.Report(new ProgressInfo("train", value.Step, total, "steps"));
    }
}
