using System.Diagnostics;
using Assay.Text.Embeddings;

namespace Assay.Bench.Embeddings;

/// <summary>
/// <c>embed-throughput</c>: docs/s per core of <see cref="HashedTfidfSvdEmbedder"/> on ~1 KB chunks of
/// real text (sotu + moby-dick) at d=256. Trains on the first chunks (or loads --model), then embeds
/// every chunk on one thread. Per-core rate = documents / process CPU seconds of the timed loop, so
/// a machine shared with other jobs does not understate it; wall-clock rate is printed beside it.
/// Args: [--dim 256] [--train-docs 10000] [--docs 20000] [--bucket-bits 20] [--max-features N] [--model PATH] [--packs sotu,moby-dick]
/// </summary>
public sealed class EmbedThroughputBench : IBenchTask
{
    public string Name => "embed-throughput";
    public string Description => "TF-IDF/SVD embedder docs/s per core on 1 KB real-text chunks at d=256";

    public int Run(string[] args)
    {
        int dim = Arg(args, "--dim", 256), trainDocs = Arg(args, "--train-docs", 10_000), docs = Arg(args, "--docs", 20_000);
        int bucketBits = Arg(args, "--bucket-bits", 20), maxFeatures = Arg(args, "--max-features", 0);
        string? modelPath = ArgS(args, "--model");
        var packs = (ArgS(args, "--packs") ?? "sotu,moby-dick").Split(',');
        var chunks = TextChunks.FromPacks(packs, 1024);
        Console.WriteLine($"chunks: {chunks.Count:N0} of ~1 KB from {string.Join(", ", packs)} (mean {chunks.Average(c => c.Length):F0} chars)");

        HashedTfidfSvdEmbedder model;
        var sw = Stopwatch.StartNew();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        if (modelPath is not null && File.Exists(modelPath)) model = HashedTfidfSvdEmbedder.Load(modelPath);
        else
        {
            model = HashedTfidfSvdEmbedder.Train(chunks.Take(trainDocs), new TfidfSvdOptions { Dimensions = dim, Seed = 1, BucketBits = bucketBits, MaxFeatures = maxFeatures > 0 ? maxFeatures : null });
            if (modelPath is not null) model.Save(modelPath);
            Console.WriteLine($"train: {Math.Min(trainDocs, chunks.Count):N0} docs, d={dim}, {model.Features:N0} features kept, " +
                $"{sw.Elapsed.TotalSeconds:F1} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds:F1} s CPU");
        }

        var v = new float[model.Dimensions];
        for (int i = 0; i < 500; i++) model.Embed(chunks[i % chunks.Count], v); // warm-up (tiered JIT)
        long chars = 0;
        GC.Collect();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        sw.Restart();
        for (int i = 0; i < docs; i++)
        {
            var c = chunks[i % chunks.Count];
            model.Embed(c, v);
            chars += c.Length;
        }
        double wall = sw.Elapsed.TotalSeconds;
        double cpuSec = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"embed: {docs:N0} docs ({chars / (double)docs:F0} chars mean), d={model.Dimensions}, one thread");
        Console.WriteLine($"  {docs / cpuSec:N0} docs/s per core (CPU {cpuSec:F2} s)   {docs / wall:N0} docs/s wall ({wall:F2} s)   {cpuSec / docs * 1e6:F0} µs/doc");
        Console.WriteLine($"  target ≥ 5,000 docs/s per core: {(docs / cpuSec >= 5000 ? "met" : "NOT met")}");

        // Where the time goes: hashing features alone (no projection).
        var featurizer = new HashedFeaturizer(model.BucketBits);
        var counts = new FeatureCounts();
        long features = 0;
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (int i = 0; i < docs; i++)
        {
            featurizer.Featurize(chunks[i % chunks.Count], counts);
            features += counts.Touched.Count;
            counts.Clear();
        }
        double fcpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"  of which featurizing: {fcpu / docs * 1e6:F0} µs/doc ({features / (double)docs:F0} distinct hashed features per doc)");
        return 0;
    }

    private static int Arg(string[] a, string name, int def) { int i = Array.IndexOf(a, name); return i >= 0 && i + 1 < a.Length ? int.Parse(a[i + 1]) : def; }
    private static string? ArgS(string[] a, string name) { int i = Array.IndexOf(a, name); return i >= 0 && i + 1 < a.Length ? a[i + 1] : null; }
}
