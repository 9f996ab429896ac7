using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Assay.Cli.Infrastructure;
using Assay.Core.Datasets;
using Assay.Core.Packs;
using Assay.Core.Progress;
using Assay.Core.Records;
using Assay.Text.FastText;

namespace Assay.Cli.Commands;

/// <summary>
/// <c>assay langid</c> (fastText lid.176 language identification) and <c>assay classifier train|predict</c>
/// (fastText supervised classifiers saved in fastText's own .bin format).
/// </summary>
internal sealed class LangIdCommands : ICommandGroup
{
    public IEnumerable<Command> Commands()
    {
        yield return LangId();
        var classifier = new Command("classifier", "fastText-style text classifiers: train on a labelled dataset, predict labels");
        classifier.Add(Train());
        classifier.Add(Predict());
        yield return classifier;
    }

    private static Command LangId()
    {
        var input = CommonOptions.Input();
        var output = CommonOptions.Output("JSONL file to write, one {\"id\",\"lang\",\"score\"} per record");
        var model = new Option<string?>("--model") { Description = "fastText language-id model (.bin/.ftz); default: lid.176.ftz from the lid176 pack (pulled on first use)" };
        var onError = CommonOptions.OnError();
        var cmd = new Command("langid", "Identify the language of every record with fastText's lid.176 model; writes id, lang (e.g. 'en') and score") { input, output, model, onError };
        cmd.SetHandler((parse, ctx, ct) =>
        {
            string modelPath = parse.GetValue(model) ?? Path.Combine(ctx.WithProgress("pull lid176", p => PackPuller.Pull("lid176", p, ct)).Path, "lid.176.ftz");
            var lid = LanguageIdentifier.Load(modelPath);
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            long n = WritePredictions(ctx, "langid", parse.GetValue(input)!, parse.GetValue(onError), parse.GetValue(output)!, ct, (r, w) =>
            {
                var (lang, score) = lid.Identify(r.Text);
                w.WriteString("lang", lang);
                w.WriteNumber("score", Math.Round(score, 5));
                counts[lang] = counts.GetValueOrDefault(lang) + 1;
            });
            var top = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
            ctx.Result(new { records = n, output = parse.GetValue(output), languages = top.ToDictionary(kv => kv.Key, kv => kv.Value) },
                $"{n:N0} records, {top.Count} languages: {string.Join(", ", top.Take(10).Select(kv => $"{kv.Key} {kv.Value:N0}"))}{(top.Count > 10 ? ", …" : "")}\nwrote {parse.GetValue(output)}");
            return 0;
        });
        return cmd;
    }

    private static Command Train()
    {
        var input = CommonOptions.Input("Labelled DATASET (each record's label is its class)");
        var output = CommonOptions.Output("Model file to write (fastText .bin format, loadable by the fastText CLI)");
        var dim = new Option<int>("--dim") { Description = "Embedding size", DefaultValueFactory = _ => 100 };
        var epoch = new Option<int>("--epoch") { Description = "Passes over the data", DefaultValueFactory = _ => 5 };
        var lr = new Option<float>("--lr") { Description = "Initial learning rate (decays linearly to 0)", DefaultValueFactory = _ => 0.1f };
        var wordNgrams = new Option<int>("--word-ngrams") { Description = "Longest word n-gram", DefaultValueFactory = _ => 1 };
        var minn = new Option<int>("--minn") { Description = "Shortest character n-gram (0 = none)", DefaultValueFactory = _ => 0 };
        var maxn = new Option<int>("--maxn") { Description = "Longest character n-gram (0 = none)", DefaultValueFactory = _ => 0 };
        var bucket = new Option<int>("--bucket") { Description = "Hash buckets for n-grams", DefaultValueFactory = _ => 2_000_000 };
        var minCount = new Option<int>("--min-count") { Description = "Drop words seen fewer times", DefaultValueFactory = _ => 1 };
        var loss = new Option<string>("--loss") { Description = "softmax or hs (hierarchical softmax)", DefaultValueFactory = _ => "softmax" };
        var seed = CommonOptions.Seed();
        var onError = CommonOptions.OnError();
        var cmd = new Command("train", "Train a fastText supervised classifier (one thread, deterministic for a seed) and save it as fastText .bin")
            { input, output, dim, epoch, lr, wordNgrams, minn, maxn, bucket, minCount, loss, seed, onError };
        cmd.SetHandler((parse, ctx, ct) =>
        {
            var options = new FastTextTrainOptions
            {
                Dim = parse.GetValue(dim), Epoch = parse.GetValue(epoch), LearningRate = parse.GetValue(lr),
                WordNgrams = parse.GetValue(wordNgrams), Minn = parse.GetValue(minn), Maxn = parse.GetValue(maxn),
                Bucket = parse.GetValue(bucket), MinCount = parse.GetValue(minCount),
                Loss = parse.GetValue(loss) switch
                {
                    "softmax" => FastTextLoss.Softmax,
                    "hs" => FastTextLoss.HierarchicalSoftmax,
                    var other => throw new CliUserException($"--loss '{other}': expected softmax or hs"),
                },
                Seed = unchecked((int)parse.GetValue(seed)),
            };
            var read = new ReadOptions { OnError = parse.GetValue(onError) };
            var examples = DatasetReader.Read(parse.GetValue(input)!, read)
                .Where(r => !r.Label.IsNone)
                .Select(r => (r.Text, r.Label.Key!.Replace(' ', '_')))
                .ToList();
            if (examples.Count == 0)
                throw new CliUserException($"{parse.GetValue(input)}: no records with a label to train on");
            var model = ctx.WithProgress("train", p => FastTextTrainer.Train(examples, options,
                new SyncReporter(e => p.Report(new ProgressInfo("epochs", e.Epoch, e.Epochs, "epochs"))), ct));
            string outPath = parse.GetValue(output)!;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
            model.Save(outPath);
            ctx.Result(new { examples = examples.Count, labels = model.Labels.Count, words = model.WordCount, model = outPath },
                $"trained on {examples.Count:N0} examples, {model.Labels.Count} labels, {model.WordCount:N0} words\nwrote {outPath}");
            return 0;
        });
        return cmd;
    }

    private static Command Predict()
    {
        var input = CommonOptions.Input();
        var output = CommonOptions.Output("JSONL file to write, one {\"id\",\"label\",\"score\"} per record (plus \"gold\" when the record has a label)");
        var model = new Option<string>("--model", "-m") { Description = "fastText supervised model (.bin or .ftz)", Required = true };
        var onError = CommonOptions.OnError();
        var cmd = new Command("predict", "Predict the label of every record with a fastText model; reports accuracy when records carry labels") { input, output, model, onError };
        cmd.SetHandler((parse, ctx, ct) =>
        {
            var ft = FastTextModel.Load(parse.GetValue(model)!);
            long labelled = 0, correct = 0;
            long n = WritePredictions(ctx, "predict", parse.GetValue(input)!, parse.GetValue(onError), parse.GetValue(output)!, ct, (r, w) =>
            {
                var best = ft.PredictBest(r.Text.Replace('\n', ' '));
                string? label = best is { } b ? LanguageIdentifier.StripLabel(b.Label) : null;
                w.WriteString("label", label);
                w.WriteNumber("score", Math.Round(best?.Probability ?? 0f, 5));
                if (r.Label.Key is { } gold)
                {
                    w.WriteString("gold", gold);
                    labelled++;
                    if (gold.Replace(' ', '_') == label)
                        correct++;
                }
            });
            double? accuracy = labelled > 0 ? (double)correct / labelled : null;
            ctx.Result(new { records = n, labelled, accuracy, output = parse.GetValue(output) },
                $"{n:N0} records{(accuracy is double a ? $", accuracy {a.ToString("P2", CultureInfo.InvariantCulture)} on {labelled:N0} labelled" : "")}\nwrote {parse.GetValue(output)}");
            return 0;
        });
        return cmd;
    }

    /// <summary>Streams records to a JSONL file (temporary name, renamed when complete): id, then what <paramref name="fields"/> writes.</summary>
    private static long WritePredictions(CliContext ctx, string title, string inputSpec, OnError onError, string outputPath, CancellationToken ct,
        Action<Record, Utf8JsonWriter> fields)
    {
        var input = DatasetInput.Resolve(inputSpec);
        string full = Path.GetFullPath(outputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temp = full + ".tmp";
        long n = 0;
        using (var quarantine = onError == OnError.Quarantine ? new QuarantineWriter(full + ".quarantine") : null)
        {
            ctx.WithProgress(title, p =>
            {
                var throttled = new ThrottledProgress(p);
                using var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
                using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
                foreach (var r in DatasetReader.Read(input, new ReadOptions { OnError = onError, Quarantine = quarantine }))
                {
                    ct.ThrowIfCancellationRequested();
                    w.WriteStartObject();
                    w.WriteString("id", r.Id);
                    fields(r, w);
                    w.WriteEndObject();
                    w.Flush();
                    stream.WriteByte((byte)'\n');
                    w.Reset();
                    throttled.Report(new ProgressInfo("records", ++n, input.Manifest?.Records));
                }
                throttled.Report(new ProgressInfo("records", n, input.Manifest?.Records), force: true);
                return n;
            });
        }
        File.Move(temp, full, overwrite: true);
        return n;
    }

    private sealed class SyncReporter(Action<FastTextTrainProgress> report) : IProgress<FastTextTrainProgress>
    {
        public void Report(FastTextTrainProgress value) => report(value);
    }
}
