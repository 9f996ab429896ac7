using System.CommandLine;
using Assay.Cli.Infrastructure;
using Assay.Core.Datasets;
using Assay.Core.Records;
using Assay.Text.Embeddings;

namespace Assay.Cli.Commands;

/// <summary><c>assay embed --embedder NAME</c> and <c>assay embed train</c>: fill records' features with embeddings.</summary>
internal sealed class EmbedCommands : ICommandGroup
{
    public IEnumerable<Command> Commands()
    {
        var embedder = new Option<string>("--embedder", "-e") { Description = "Embedder: " + EmbedderFactory.Names };
        var input = CommonOptions.Input();
        var output = new Option<string>("--output", "-o") { Description = "Output DATASET folder: the records with 'features' filled" };
        var batch = new Option<int>("--batch-size") { Description = "Records per embedder call (remote embedders split further by their own request size)", DefaultValueFactory = _ => 256 };
        var onError = CommonOptions.OnError();
        var cmd = new Command("embed", "Embed every record (a TF-IDF/SVD model, an OpenAI-compatible server, or precomputed features) and write the dataset with 'features' filled")
            { embedder, input, output, batch, onError };
        cmd.Add(Train());
        cmd.SetHandler((parse, ctx, ct) =>
        {
            var spec = parse.GetValue(embedder) ?? throw new CliUserException("--embedder is required: " + EmbedderFactory.Names);
            var outDir = parse.GetValue(output) ?? throw new CliUserException("--output is required (a dataset folder to write)");
            int batchSize = parse.GetValue(batch);
            if (batchSize < 1) throw new CliUserException("--batch-size must be at least 1");
            var ds = DatasetInput.Resolve(parse.GetValue(input)!);
            using var gen = EmbedderFactory.Create(spec);
            using var quarantine = parse.GetValue(onError) == OnError.Quarantine ? new QuarantineWriter(Path.Combine(outDir, "quarantine")) : null;
            var read = new ReadOptions { OnError = parse.GetValue(onError), Quarantine = quarantine, RequireText = spec != "features" };
            using var writer = new DatasetWriter(outDir);
            foreach (var s in ds.Manifest?.Sources ?? []) writer.SetLicense(s.Name, s.License, s.Url, s.Notes);
            var result = ctx.WithProgress("embed", p =>
                DatasetEmbedding.RunAsync(gen, DatasetReader.Read(ds, read), writer, batchSize, p, ds.Manifest?.Records, ct).GetAwaiter().GetResult());
            var manifest = writer.Complete(ds.Manifest?.Name is { } n ? n + "-embedded" : "embedded", new Lineage
            {
                Command = "assay " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
                Inputs = [new LineageInput(ds.Spec, ds.Checksum())],
            }, $"records of {ds.Spec} with features = {spec} embeddings");
            ctx.Result(new { output = outDir, records = manifest.Records, dimensions = result.Dimensions, embedder = spec },
                $"{manifest.Records:N0} records embedded ({result.Dimensions} dimensions) with {spec}\ndataset: {outDir}");
            return 0;
        });
        yield return cmd;
    }

    private static Command Train()
    {
        var input = CommonOptions.Input();
        var output = CommonOptions.Output("Model file to write (binary, e.g. tfidf.bin); use it as --embedder tfidf:PATH");
        var defaults = new TfidfSvdOptions();
        var dim = new Option<int>("--dim") { Description = "Embedding dimensions", DefaultValueFactory = _ => defaults.Dimensions };
        var maxDocs = new Option<int>("--max-docs") { Description = "Train on at most this many records (the first ones)", DefaultValueFactory = _ => defaults.MaxTrainingDocuments };
        var minDf = new Option<int>("--min-df") { Description = "Drop hashed features found in fewer training records", DefaultValueFactory = _ => defaults.MinDocumentFrequency };
        var maxFeatures = new Option<int?>("--max-features") { Description = "Keep only this many features, the most frequent (smaller, faster table)" };
        var power = new Option<int>("--power-iterations") { Description = "Randomized SVD power iterations (Halko et al. 2011)", DefaultValueFactory = _ => defaults.PowerIterations };
        var bits = new Option<int>("--bucket-bits") { Description = "log2 of the number of hash buckets", DefaultValueFactory = _ => defaults.BucketBits };
        var seed = CommonOptions.Seed();
        var onError = CommonOptions.OnError();
        var cmd = new Command("train", "Train a hashed TF-IDF (word 1–2-grams, char 3–5-grams) + randomized SVD embedder on a dataset's text")
            { input, output, dim, maxDocs, minDf, maxFeatures, power, bits, seed, onError };
        cmd.SetHandler((parse, ctx, ct) =>
        {
            var options = new TfidfSvdOptions
            {
                Dimensions = parse.GetValue(dim), MaxTrainingDocuments = parse.GetValue(maxDocs), MinDocumentFrequency = parse.GetValue(minDf),
                MaxFeatures = parse.GetValue(maxFeatures), PowerIterations = parse.GetValue(power), BucketBits = parse.GetValue(bits), Seed = parse.GetValue(seed),
            };
            options.Validate();
            var ds = DatasetInput.Resolve(parse.GetValue(input)!);
            var outPath = parse.GetValue(output)!;
            using var quarantine = parse.GetValue(onError) == OnError.Quarantine
                ? new QuarantineWriter(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outPath))!, "quarantine")) : null;
            var read = new ReadOptions { OnError = parse.GetValue(onError), Quarantine = quarantine };
            var started = System.Diagnostics.Stopwatch.StartNew();
            var model = ctx.WithProgress("embed train", p => HashedTfidfSvdEmbedder.Train(DatasetReader.Read(ds, read).Select(r => r.Text), options, p, ct));
            model.Save(outPath);
            ctx.Result(new { model = outPath, dimensions = model.Dimensions, features = model.Features, seed = model.Seed, seconds = started.Elapsed.TotalSeconds },
                $"TF-IDF/SVD model: {model.Dimensions} dimensions over {model.Features:N0} hashed features ({started.Elapsed.TotalSeconds:F1} s)\nmodel: {outPath} (use --embedder tfidf:{outPath})");
            return 0;
        });
        return cmd;
    }
}
