using System.CommandLine;
using Assay.Cli.Infrastructure;
using Assay.Core.Datasets;
using Assay.Core.IO;
using Assay.Core.Progress;
using Assay.Core.Records;
using Assay.Valuation.Data;
using Assay.Valuation.Evaluation;
using Assay.Valuation.Methods;
using Assay.Valuation.Models;
using Assay.Valuation.Steps;

namespace Assay.Cli.Commands;

/// <summary>
/// <c>assay value --method M --train DATASET --test DATASET --output FILE.jsonl</c>: data values into meta.value;
/// <c>assay value eval --task noisy|removal|addition</c>: OpenDataVal-style evaluation of a method.
/// DATASET is a dataset of records with numeric features and labels, or <c>fashion-mnist:train[:N]</c> /
/// <c>fashion-mnist:test[:N]</c> for the IDX files of Debian's dataset-fashion-mnist.
/// </summary>
internal sealed class ValueCommands : ICommandGroup
{
    public IEnumerable<Command> Commands()
    {
        var method = MethodOption();
        var train = new Option<string>("--train") { Description = "Training DATASET (records with features and label), or fashion-mnist:train[:N]", Required = true };
        var test = TestOption();
        var holdout = HoldoutOption();
        var output = new Option<string?>("--output", "-o") { Description = "Output FILE.jsonl (.gz/.zst ok): the training records with meta.value, meta.value_method, meta.value_se" };
        var dropLowest = new Option<double>("--drop-lowest") { Description = "With --kept/--removed: share of training records with the lowest values to remove (ties by id)", DefaultValueFactory = _ => 0 };
        var keptDir = new Option<string?>("--kept") { Description = "Write the training records kept (all, with meta.value) as a dataset folder here; needs --removed" };
        var target = new Option<string?>("--target") { Description = "Regression: value by KNN-Shapley for KNN regression (Jia et al. 2019) against this numeric meta field (or 'label'), e.g. Miles_per_Gallon for pack:cars" };
        var removedDir = new Option<string?>("--removed") { Description = "Write the --drop-lowest share removed (meta.removed_by = value_v1) as a dataset folder here" };
        var embedder = new Option<string?>("--embedder") { Description = "Embed the text of records that have no features: tfidf:PATH (a model from `assay embed train`) or openai:MODEL" };
        var (k, seed, samples, epsilon, threshold, model) = Knobs();
        var cmd = new Command("value", $"Value training data against a validation set. Methods: {string.Join(", ", ValuationMethods.Names)}")
        { method, train, test, holdout, output, dropLowest, keptDir, removedDir, target, embedder, k, seed, samples, epsilon, threshold, model };
        cmd.SetHandler((parse, ctx, ct) =>
        {
            var settings = Settings(parse, k, seed, samples, epsilon, threshold, model);
            if (parse.GetValue(keptDir) is { } keptPath)
            {
                var removedPath = parse.GetValue(removedDir) ?? throw new CliUserException("--kept needs --removed (where the dropped records go)");
                var testSpec = parse.GetValue(test) ?? throw new CliUserException("--kept/--removed need a --test DATASET");
                if (FashionMnistSpec(parse.GetValue(train)!) is not null || FashionMnistSpec(testSpec) is not null)
                    throw new CliUserException("--kept/--removed need datasets; run 'assay data pull fashion-mnist' and pass the folders it prints");
                var options = new ValueStepOptions(parse.GetValue(method)!, parse.GetValue(dropLowest), settings, parse.GetValue(embedder));
                var step = ctx.WithProgress($"value {options.Method}", p => DatasetValuation.Run(DatasetInput.Resolve(parse.GetValue(train)!),
                    DatasetInput.Resolve(testSpec), options, keptPath, removedPath, Percent(p), ct));
                var c = step.Counts;
                ctx.Result(new { method = step.Values.Method, step = c.Step, input = c.In, kept = c.Kept, removed = c.RemovedTotal, cutoff = step.Cutoff,
                    kept_path = Path.GetFullPath(keptPath), removed_path = Path.GetFullPath(removedPath), elapsed_seconds = step.Values.ElapsedSeconds },
                    $"{c.In:N0} records valued by {step.Values.Method}: {c.Kept:N0} kept → {keptPath}, {c.RemovedTotal:N0} removed (value ≤ {step.Cutoff?.ToString("G4") ?? "-"}) → {removedPath}");
                return 0;
            }
            if (parse.GetValue(dropLowest) != 0) throw new CliUserException("--drop-lowest needs --kept and --removed");
            var path = parse.GetValue(output) ?? throw new CliUserException("give --output FILE.jsonl, or --kept DIR --removed DIR");
            var loaded = LoadRecords(parse.GetValue(train)!, parse.GetValue(test), parse.GetValue(holdout), parse.GetValue(seed), ct, parse.GetValue(embedder));
            var trainRecords = loaded.Train;
            ValuationResult result;
            if (parse.GetValue(target) is { } field)
            {
                if (parse.GetValue(method) != "knn-shapley") throw new CliUserException("--target (regression) works with -m knn-shapley only");
                if (loaded.Test is null) throw new CliUserException("--target needs datasets (records with meta targets)");
                var reg = RecordData.ForRegression(trainRecords, loaded.Test, field);
                var valuator = new KnnShapleyRegression(new KnnShapleyOptions(K: settings.K));
                var sw = System.Diagnostics.Stopwatch.StartNew();
                var values = ctx.WithProgress($"value {valuator.Name}", p => valuator.Value(reg.Train, reg.TrainTargets, reg.Test, reg.TestTargets, Percent(p), ct));
                result = new ValuationResult(valuator.Name, values) { ElapsedSeconds = sw.Elapsed.TotalSeconds };
            }
            else
            {
                var pair = loaded.Pair();
                var valuator = ValuationMethods.Create(parse.GetValue(method)!, settings);
                result = ctx.WithProgress($"value {valuator.Name}", p => valuator.Value(pair.Train, pair.Test, Percent(p), ct));
            }
            using (var writer = new ShardWriter(path))
            {
                foreach (var r in RecordData.WithValues(trainRecords, result)) writer.Write(r);
                writer.Complete();
            }
            ctx.Result(new { method = result.Method, output = Path.GetFullPath(path), records = result.Values.Length, elapsed_seconds = result.ElapsedSeconds,
                samples = result.Samples, utility_evaluations = result.UtilityEvaluations, sum = result.Values.Sum() },
                $"{result.Values.Length:N0} values by {result.Method} in {result.ElapsedSeconds:F1} s → {path}\n" +
                $"min {result.Values.Min():G4}, median {Median(result.Values):G4}, max {result.Values.Max():G4}, sum {result.Values.Sum():G6}");
            return 0;
        });
        cmd.Add(Eval());
        yield return cmd;
    }

    private static Command Eval()
    {
        var method = MethodOption();
        method.Description = $"Valuation method(s), comma-separated to compare: {string.Join(", ", ValuationMethods.Names)}";
        var task = new Option<string>("--task") { Description = "noisy (flip labels, 2-means F1), removal or addition (accuracy curves in 5% steps)", Required = true };
        task.AcceptOnlyFromAmong("noisy", "removal", "addition");
        var train = new Option<string>("--train") { Description = "Training DATASET, or fashion-mnist:train[:N]", Required = true };
        var test = TestOption();
        var holdout = HoldoutOption();
        var noise = new Option<double>("--noise") { Description = "Share of training labels flipped for --task noisy", DefaultValueFactory = _ => 0.1 };
        var output = new Option<string?>("--output", "-o") { Description = "Also write the result JSON to this file" };
        var report = new Option<string?>("--report") { Description = "Write report.html and result.json (all methods side by side) into this folder" };
        var (k, seed, samples, epsilon, threshold, model) = Knobs();
        var cmd = new Command("eval", "Evaluate valuation methods as in OpenDataVal: noisy-label detection F1, or point removal / addition curves (logistic regression retrained)")
        { method, task, train, test, holdout, noise, output, report, k, seed, samples, epsilon, threshold, model };
        cmd.SetHandler((parse, ctx, ct) =>
        {
            var (_, pair) = Load(parse.GetValue(train)!, parse.GetValue(test), parse.GetValue(holdout), parse.GetValue(seed), ct);
            var settings = Settings(parse, k, seed, samples, epsilon, threshold, model);
            var methods = parse.GetValue(method)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var data = $"train {parse.GetValue(train)} ({pair.Train.Count:N0}), test {parse.GetValue(test) ?? $"{parse.GetValue(holdout):P0} held out"} ({pair.Test.Count:N0})";
            var lines = new List<string>();
            object result;
            Core.Reports.HtmlReport html;
            if (parse.GetValue(task) == "noisy")
            {
                var rows = new List<NoisyLabelResult>();
                foreach (var m in methods)
                {
                    var valuator = ValuationMethods.Create(m, settings);
                    var n = ctx.WithProgress($"eval {valuator.Name}", p => NoisyLabelDetection.Run(valuator, pair.Train, pair.Test, parse.GetValue(noise), (int)parse.GetValue(seed), Percent(p), ct));
                    rows.Add(n);
                    lines.Add($"{n.Method}: F1 {n.F1:F3} (precision {n.Precision:F3}, recall {n.Recall:F3}, AUC {n.Auc:F3}); {n.Flipped} of {n.TrainCount} labels flipped, {n.Predicted} flagged, {n.ElapsedSeconds:F1} s");
                }
                result = rows.Count == 1 ? rows[0] : rows;
                html = EvaluationReport.Noisy(data, rows);
            }
            else
            {
                var curves = new List<DataCurve>();
                foreach (var m in methods)
                {
                    var valuator = ValuationMethods.Create(m, settings);
                    var values = ctx.WithProgress($"value {valuator.Name}", p => valuator.Value(pair.Train, pair.Test, Percent(p), ct));
                    var evalModel = new LogisticRegressionModel();
                    var curve = parse.GetValue(task) == "removal"
                        ? PointRemovalAddition.Removal(valuator.Name, values.Values, pair.Train, pair.Test, evalModel, cancellationToken: ct)
                        : PointRemovalAddition.Addition(valuator.Name, values.Values, pair.Train, pair.Test, evalModel, cancellationToken: ct);
                    curves.Add(curve);
                    lines.Add($"{curve.Method} {curve.Task}: fraction → accuracy (high-value first | low-value first)\n" +
                        string.Join('\n', curve.Fractions.Select((f, i) => $"  {f,5:P0}  {curve.HighFirst[i]:F3} | {curve.LowFirst[i]:F3}")));
                }
                result = curves.Count == 1 ? curves[0] : curves;
                html = EvaluationReport.Curves(data, curves);
            }
            var json = System.Text.Json.JsonSerializer.Serialize(result, new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
            if (parse.GetValue(output) is { } file) File.WriteAllText(file, json);
            if (parse.GetValue(report) is { } dir)
            {
                Directory.CreateDirectory(dir);
                html.AddMeta("command", "assay " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)));
                html.Save(Path.Combine(dir, "report.html"));
                File.WriteAllText(Path.Combine(dir, "result.json"), json);
                lines.Add($"report: {Path.Combine(dir, "report.html")}");
            }
            ctx.Result(result, string.Join('\n', lines));
            return 0;
        });
        return cmd;
    }

    private static Option<string?> TestOption() =>
        new("--test") { Description = "Validation DATASET, or fashion-mnist:test[:N] (default: a --holdout share of --train, chosen by a stable hash of the id)" };

    private static Option<double> HoldoutOption() =>
        new("--holdout") { Description = "Share of --train held out for validation when no --test is given", DefaultValueFactory = _ => 0.25 };

    private static Option<string> MethodOption() => new("--method", "-m")
    {
        Description = $"Valuation method: {string.Join(", ", ValuationMethods.Names)}",
        Required = true,
    };

    private static (Option<int> K, Option<ulong> Seed, Option<int?> Samples, Option<double?> Epsilon, Option<double?> Threshold, Option<string> Model) Knobs() => (
        new Option<int>("--k") { Description = "K of the KNN methods (Jia et al. 2019 use 10)", DefaultValueFactory = _ => 10 },
        CommonOptions.Seed(),
        new Option<int?>("--samples") { Description = "Permutations (tmc/beta/group), subsets (banzhaf-msr) or bags (data-oob); default per method" },
        new Option<double?>("--epsilon") { Description = "Privacy ε for tknn-shapley-dp (0 < ε < 1; default 0.5)" },
        new Option<double?>("--threshold") { Description = "Distance threshold τ for tknn-shapley (default: median distance to the K-th neighbour)" },
        new Option<string>("--model") { Description = $"Utility model of the retraining methods (loo, tmc, beta, banzhaf, data-oob, group): {string.Join(", ", UtilityModels.Names)}", DefaultValueFactory = _ => "logreg" });

    private static ValuationSettings Settings(ParseResult parse, Option<int> k, Option<ulong> seed, Option<int?> samples, Option<double?> epsilon,
        Option<double?> threshold, Option<string> model) =>
        new(K: parse.GetValue(k), Seed: unchecked((int)parse.GetValue(seed)), Samples: parse.GetValue(samples),
            Epsilon: parse.GetValue(epsilon), Threshold: parse.GetValue(threshold), Model: UtilityModels.Create(parse.GetValue(model)!, parse.GetValue(k)));

    // Records of both sides; fashion-mnist:... specs come as dense data with synthesized training records and no test records.
    private sealed record Loaded(IReadOnlyList<Record> Train, IReadOnlyList<Record>? Test, RecordData.Pair? Dense, string? Embedder = null)
    {
        public RecordData.Pair Pair() => Dense ?? RecordData.FromRecords(FeatureFill.WithFeatures(Train, Embedder, "training"), FeatureFill.WithFeatures(Test!, Embedder, "validation"));
    }

    private static (IReadOnlyList<Record> TrainRecords, RecordData.Pair Pair) Load(string trainSpec, string? testSpec, double holdout, ulong seed, CancellationToken ct)
    {
        var loaded = LoadRecords(trainSpec, testSpec, holdout, seed, ct);
        return (loaded.Train, loaded.Pair());
    }

    private static Loaded LoadRecords(string trainSpec, string? testSpec, double holdout, ulong seed, CancellationToken ct, string? embedder = null)
    {
        var fmTrain = FashionMnistSpec(trainSpec);
        var fmTest = testSpec is null ? null : FashionMnistSpec(testSpec);
        if (fmTrain is not null || fmTest is not null)
        {
            if (fmTrain is null || fmTest is null) throw new CliUserException("use fashion-mnist:... for both --train and --test, or datasets for both");
            return new Loaded(RecordData.Synthesize(fmTrain, "fashion-mnist-" + trainSpec.Split(':')[1]), null, new RecordData.Pair(fmTrain, fmTest,
                Enumerable.Range(0, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(), [""]));
        }
        var options = new ReadOptions { RequireText = false };
        var trainRecords = DatasetReader.Read(trainSpec, options).ToList();
        ct.ThrowIfCancellationRequested();
        if (testSpec is null)
        {
            var (kept, held) = RecordData.Holdout(trainRecords, holdout, seed);
            return new Loaded(kept, held, null, embedder);
        }
        return new Loaded(trainRecords, DatasetReader.Read(testSpec, options).ToList(), null, embedder);
    }

    private static DenseData? FashionMnistSpec(string spec)
    {
        var parts = spec.Split(':');
        if (parts[0] != "fashion-mnist") return null;
        if (parts.Length < 2 || parts[1] is not ("train" or "test"))
            throw new CliUserException($"'{spec}': expected fashion-mnist:train[:N] or fashion-mnist:test[:N]");
        int limit = parts.Length > 2 ? int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) : int.MaxValue;
        return parts[1] == "train" ? FashionMnist.LoadTrain(maxCount: limit) : FashionMnist.LoadTest(maxCount: limit);
    }

    private static IProgress<double> Percent(IProgress<ProgressInfo> p) =>
        new Relay(f => p.Report(new ProgressInfo("valuing", (long)Math.Round(f * 100), 100, "%")));

    private sealed class Relay(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }

    private static double Median(double[] v)
    {
        var s = v.Order().ToArray();
        return s.Length == 0 ? 0 : s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }
}
