using Assay.Core.IO;
using Assay.Curation.Pipeline;

namespace Assay.Curation.Tests.Pipeline;

/// <summary>Deterministic synthetic shards and helpers shared by the pipeline tests.</summary>
internal static class TestData
{
    public static readonly StepRegistry Registry = StepRegistry.Discover(typeof(StepRegistry).Assembly, typeof(TestData).Assembly);

    private static readonly string[] Words = ["alpha", "beta", "foo", "gamma", "delta", "x7", "lorem", "ipsum", "data", "text"];

    /// <summary>Writes <paramref name="n"/> records with ids PREFIX-i and texts of varying length.</summary>
    public static void WriteShard(string path, string prefix, int n, int seed = 1)
    {
        var rng = new Random(seed);
        using var w = new ShardWriter(path);
        for (int i = 0; i < n; i++)
        {
            int words = rng.Next(0, 30);
            var text = string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[rng.Next(Words.Length)]));
            if (rng.Next(10) == 0) text = "x" + text;
            var r = new Record($"{prefix}-{i}", text);
            if (rng.Next(3) == 0) r.Meta["lang"] = "en";
            w.Write(r);
        }
        w.Complete();
    }

    /// <summary>Three inputs: a plain shard large enough to split, a gzip and a zstd shard.</summary>
    public static string WriteInputs(string dir, int plain = 3000, int gz = 800, int zst = 800)
    {
        WriteShard(Path.Combine(dir, "in", "web", "a.jsonl"), "a", plain, 1);
        WriteShard(Path.Combine(dir, "in", "web", "b.jsonl.gz"), "b", gz, 2);
        WriteShard(Path.Combine(dir, "in", "books", "c.jsonl.zst"), "c", zst, 3);
        return dir;
    }

    public static string Yaml(string output, string extra = "", string compression = "none", int checkpointRecords = 50_000) => $"""
        input:
          - path: in/web/*
            source: web
            license: cc-by
          - path: in/books
            source: books
        steps:
          - type: test_words_v1
          - type: test_min_length_v1
            min_chars: 20
          - type: test_replace_v1
            from: foo
            to: FOO
          - type: test_digit_v1
        output:
          path: {output}
          compression: {compression}
        split_bytes: 64KB
        checkpoint:
          records: {checkpointRecords}
        seed: 7
        {extra}
        """;

    public static PipelineConfig Config(string dir, string yaml)
    {
        var file = Path.Combine(dir, "pipeline.yaml");
        File.WriteAllText(file, yaml);
        return PipelineLoader.Load(file, Registry);
    }

    /// <summary>Every file under the output (markers and stats excluded: they hold timings) with its bytes.</summary>
    public static SortedDictionary<string, byte[]> DataFiles(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}.tasks{Path.DirectorySeparatorChar}") && !f.EndsWith("stats.json", StringComparison.Ordinal)
                        && !f.EndsWith("report.html", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(folder, f), ReadComparable), StringComparer.Ordinal);

    /// <summary>File bytes; for dataset.json without name, command and config hash, which follow the output folder and command line.</summary>
    private static byte[] ReadComparable(string path)
    {
        if (Path.GetFileName(path) != "dataset.json") return File.ReadAllBytes(path);
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        node.Remove("name");
        node["lineage"]?.AsObject().Remove("command");
        node["lineage"]?.AsObject().Remove("config_hash"); // the YAML names the output folder
        return System.Text.Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    public static void AssertSameFiles(string expected, string actual)
    {
        var a = DataFiles(expected);
        var b = DataFiles(actual);
        Assert.Equal(a.Keys, b.Keys);
        foreach (var (k, v) in a) Assert.True(v.AsSpan().SequenceEqual(b[k]), $"{k} differs");
    }
}
