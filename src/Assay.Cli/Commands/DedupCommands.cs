using System.CommandLine;
using System.Text.Json;
using Assay.Cli.Infrastructure;
using Assay.Core.Datasets;
using Assay.Core.Records;
using Assay.Curation.Decontamination;
using Assay.Curation.Dedup;

namespace Assay.Cli.Commands;

/// <summary>
/// <c>assay dedup</c> (exact, MinHash-LSH, line/paragraph, exact-substring and semantic dedup) and
/// <c>assay decontaminate</c> (benchmark n-gram overlap; writes contamination.json).
/// </summary>
internal sealed class DedupCommands : ICommandGroup
{
    private static readonly JsonSerializerOptions JsonOut = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public IEnumerable<Command> Commands()
    {
        yield return Dedup();
        yield return Decontaminate();
    }

    private static Command Dedup()
    {
        var input = CommonOptions.Input();
        var output = CommonOptions.Output("Output folder: kept/ and removed/ datasets, clusters.jsonl, dedup.json and report.html");
        var method = new Option<string>("--method") { Description = "exact | minhash | lines | paragraphs | substring | semantic", DefaultValueFactory = _ => "minhash" };
        var threshold = new Option<double>("--threshold") { Description = "MinHash: Jaccard threshold (bands × rows derived from it)", DefaultValueFactory = _ => 0.8 };
        var numPerm = new Option<int>("--num-perm") { Description = "MinHash: permutations (multiple of 8)", DefaultValueFactory = _ => 128 };
        var ngram = new Option<int>("--ngram") { Description = "MinHash: words per shingle", DefaultValueFactory = _ => 5 };
        var bands = new Option<int?>("--bands") { Description = "MinHash: number of bands (with --rows; overrides the threshold-derived banding)" };
        var rows = new Option<int?>("--rows") { Description = "MinHash: rows per band" };
        var verify = new Option<bool>("--verify") { Description = "MinHash: check candidate pairs' true Jaccard before merging (loads the texts)" };
        var keep = new Option<string>("--keep") { Description = "Which duplicate survives: lowest-id | longest | highest-score", DefaultValueFactory = _ => "lowest-id" };
        var scoreKey = new Option<string>("--score-key") { Description = "meta field holding the score for --keep highest-score", DefaultValueFactory = _ => "score" };
        var minLength = new Option<int>("--min-length") { Description = "substring: shortest repeated span removed, in UTF-8 bytes", DefaultValueFactory = _ => 50 };
        var memory = new Option<string>("--memory") { Description = "substring: memory for the suffix-array parts, e.g. 512M, 4G (the corpus is memory-mapped from the work folder; parts spill there)", DefaultValueFactory = _ => "2G" };
        var minWords = new Option<int>("--min-words") { Description = "lines/paragraphs: shorter units are never removed", DefaultValueFactory = _ => 3 };
        var clusters = new Option<int>("--clusters") { Description = "semantic: k-means clusters", DefaultValueFactory = _ => 100 };
        var eps = new Option<double>("--eps") { Description = "semantic: remove at cosine similarity > 1 - eps to a kept record", DefaultValueFactory = _ => 0.07 };
        var work = new Option<string?>("--work") { Description = "MinHash and substring: folder for stage files (default: OUTPUT.work)" };
        var index = new Option<string?>("--index") { Description = "exact/minhash: folder to persist this run's index in (kept records' normalized-text keys or LSH band keys, with their ids)" };
        var against = new Option<string[]>("--against")
        {
            Description = "exact/minhash: index folder of an earlier run (repeatable); records duplicating an indexed record are removed with meta.duplicate_of = its id (the earlier corpus always wins)",
            AllowMultipleArgumentsPerToken = false,
        };
        var seed = CommonOptions.Seed();
        var onError = CommonOptions.OnError();
        var cmd = new Command("dedup", "Remove duplicate records (exact or MinHash near-duplicates, or by embeddings) or duplicated lines, paragraphs and substrings; writes kept and removed datasets and dedup.json")
            { input, output, method, threshold, numPerm, ngram, bands, rows, verify, keep, scoreKey, minLength, memory, minWords, clusters, eps, work, index, against, seed, onError };
        cmd.SetHandler((parse, ctx, ct) =>
        {
            var inSpec = DatasetInput.Resolve(parse.GetValue(input)!);
            string outDir = parse.GetValue(output)!;
            string keptDir = Path.Combine(outDir, "kept"), removedDir = Path.Combine(outDir, "removed");
            var (b, r) = (parse.GetValue(bands), parse.GetValue(rows));
            if (b.HasValue != r.HasValue)
                throw new CliUserException("--bands and --rows go together");
            ulong seedValue = parse.GetValue(seed);
            var options = new DatasetDedupOptions
            {
                Method = ParseMethod(parse.GetValue(method)!),
                MinHash = new MinHashOptions
                {
                    Threshold = parse.GetValue(threshold),
                    NumPerm = parse.GetValue(numPerm),
                    NGram = parse.GetValue(ngram),
                    Bands = b.HasValue ? new LshParameters(b.Value, r!.Value) : null,
                    Verify = parse.GetValue(verify),
                    Seed = seedValue == 0 ? new MinHashOptions().Seed : seedValue,
                },
                Substring = new ExactSubstringOptions { MinLength = parse.GetValue(minLength), MemoryBytes = ParseSize("--memory", parse.GetValue(memory)!) },
                MinWords = parse.GetValue(minWords),
                Semantic = new SemDedupOptions { Clusters = parse.GetValue(clusters), Eps = parse.GetValue(eps), Seed = unchecked((int)seedValue) },
                Keep = ParseKeep(parse.GetValue(keep)!),
                ScoreKey = parse.GetValue(scoreKey)!,
                WorkDir = parse.GetValue(work) ?? Path.Combine(outDir, "work"),
                IndexDir = parse.GetValue(index),
                Against = parse.GetValue(against) ?? [],
                Read = new ReadOptions { OnError = parse.GetValue(onError), RequireText = ParseMethod(parse.GetValue(method)!) != DedupMethod.Semantic },
            };
            try
            {
                options.MinHash.Validate();
                options.Substring.Validate();
                if ((options.IndexDir is not null || options.Against.Count > 0) && options.Method is not (DedupMethod.Exact or DedupMethod.MinHash))
                    throw new ArgumentException("--index and --against work with --method exact or minhash");
            }
            catch (ArgumentException e)
            {
                throw new CliUserException(e.Message);
            }
            var lineage = new Lineage
            {
                Command = "assay " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
                Inputs = [new LineageInput(inSpec.Spec, inSpec.Checksum())],
            };
            var result = ctx.WithProgress("dedup", p => DatasetDedup.Run(inSpec, keptDir, removedDir, options, lineage, p, ct));
            string json = Path.Combine(outDir, "dedup.json");
            File.WriteAllText(json, JsonSerializer.Serialize(new { step = result.Step, counts = result.Counts, details = result.Details }, JsonOut));
            var found = DedupClusters.FromRemoved(removedDir);
            string clustersFile = Path.Combine(outDir, DedupClusters.FileName);
            found.Write(clustersFile);
            string report = Path.Combine(outDir, DedupReport.FileName);
            DedupReport.Build(result, found, keptDir, removedDir, options).Save(report);
            var c = result.Counts;
            ctx.Result(new { step = result.Step, counts = c, details = result.Details, kept = keptDir, removed = removedDir, clusters = clustersFile, json, report },
                $"{result.Step}: {c.In:N0} records in, {c.Kept:N0} kept, {c.RemovedTotal:N0} removed" +
                (c.ChangedRecords > 0 ? $", {c.ChangedRecords:N0} rewritten ({c.ChangedChars:N0} characters removed)" : "") +
                $"\nkept: {keptDir}\nremoved: {removedDir}\nclusters: {clustersFile}\nreport: {report}");
            return 0;
        });
        return cmd;
    }

    private static Command Decontaminate()
    {
        var input = CommonOptions.Input("Training DATASET to check");
        var benchmark = new Option<string[]>("--benchmark", "-b")
        {
            Description = "NAME=DATASET of benchmark items (text, plus meta.answer if present); repeatable",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string>("--output", "-o") { Description = "contamination.json to write", DefaultValueFactory = _ => Path.Combine("out", "contamination.json") };
        var clean = new Option<string?>("--clean") { Description = "Folder for the training records that match no benchmark item (a dataset)" };
        var removed = new Option<string?>("--removed") { Description = "Folder for the training records that do (a dataset, with meta.contaminates)" };
        var ngram = new Option<int>("--ngram") { Description = "Words per n-gram for a match (GPT-3: 13)", DefaultValueFactory = _ => 13 };
        var overlap = new Option<int>("--overlap-ngram") { Description = "Words per n-gram for the token-overlap fraction (LLaMA 2: longer than 10)", DefaultValueFactory = _ => 11 };
        var onError = CommonOptions.OnError();
        var cmd = new Command("decontaminate", "Find training records sharing long n-grams with benchmark items; per-item overlap fraction (clean < 20%, dirty >= 80%); writes contamination.json")
            { input, benchmark, output, clean, removed, ngram, overlap, onError };
        cmd.SetHandler((parse, ctx, ct) =>
        {
            var train = DatasetInput.Resolve(parse.GetValue(input)!);
            var benches = new Dictionary<string, DatasetInput>(StringComparer.Ordinal);
            foreach (string spec in parse.GetValue(benchmark) ?? [])
            {
                int eq = spec.IndexOf('=');
                if (eq <= 0)
                    throw new CliUserException($"--benchmark '{spec}': expected NAME=DATASET");
                benches[spec[..eq]] = DatasetInput.Resolve(spec[(eq + 1)..]);
            }
            var options = new DecontaminationOptions { NGram = parse.GetValue(ngram), OverlapNGram = parse.GetValue(overlap) };
            var lineage = new Lineage
            {
                Command = "assay " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
                Inputs = [new LineageInput(train.Spec, train.Checksum()), .. benches.Values.Select(b => new LineageInput(b.Spec, b.Checksum()))],
            };
            var read = new ReadOptions { OnError = parse.GetValue(onError) };
            var report = ctx.WithProgress("decontaminate", p =>
                DatasetDecontamination.Run(train, benches, options, parse.GetValue(clean), parse.GetValue(removed), read, lineage, p, ct));
            string outPath = parse.GetValue(output)!;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
            File.WriteAllText(outPath, JsonSerializer.Serialize(report, JsonOut));
            string html = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outPath))!, "report.html");
            ContaminationHtml.Build(report).Save(html);
            ctx.Result(new { training_records = report.TrainingRecords, contaminated_records = report.ContaminatedRecords, output = outPath,
                    benchmarks = report.Benchmarks.Select(x => new { x.Benchmark, x.Items, x.ItemsFound, x.Dirty, x.Partial, x.Clean }) },
                $"{report.TrainingRecords:N0} training records, {report.ContaminatedRecords:N0} share a {options.NGram}-gram with a benchmark item\n" +
                string.Concat(report.Benchmarks.Select(x => $"{x.Benchmark}: {x.ItemsFound}/{x.Items} items found; dirty {x.Dirty}, partial {x.Partial}, clean {x.Clean}\n")) +
                $"wrote {outPath} and {html}");
            return 0;
        });
        return cmd;
    }

    private static DedupMethod ParseMethod(string s) => s switch
    {
        "exact" => DedupMethod.Exact,
        "minhash" => DedupMethod.MinHash,
        "lines" => DedupMethod.Lines,
        "paragraphs" => DedupMethod.Paragraphs,
        "substring" => DedupMethod.Substring,
        "semantic" => DedupMethod.Semantic,
        _ => throw new CliUserException($"--method '{s}': expected exact, minhash, lines, paragraphs, substring or semantic"),
    };

    /// <summary>Bytes from "123", "512K", "512M", "4G" (binary multiples).</summary>
    internal static long ParseSize(string option, string s)
    {
        string t = s.Trim();
        int shift = t.Length == 0 ? 0 : char.ToUpperInvariant(t[^1]) switch { 'K' => 10, 'M' => 20, 'G' => 30, 'T' => 40, _ => 0 };
        if (shift > 0)
            t = t[..^1];
        if (!long.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long v) || v > long.MaxValue >> shift)
            throw new CliUserException($"{option} '{s}': expected a size such as 512M or 4G");
        return v << shift;
    }

    private static KeepRule ParseKeep(string s) => s switch
    {
        "lowest-id" => KeepRule.LowestId,
        "longest" => KeepRule.Longest,
        "highest-score" => KeepRule.HighestScore,
        _ => throw new CliUserException($"--keep '{s}': expected lowest-id, longest or highest-score"),
    };
}
