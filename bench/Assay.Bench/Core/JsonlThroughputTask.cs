using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Assay.Core.IO;
using Assay.Core.Records;

namespace Assay.Bench.Core;

/// <summary>
/// JSONL read + write throughput of uncompressed shards on one thread, side by side with Python's
/// json module on the same file (bench/core/jsonl_python.py). Usage: jsonl-throughput [MB] [python].
/// </summary>
public sealed class JsonlThroughputTask : IBenchTask
{
    public string Name => "jsonl-throughput";
    public string Description => "JSONL read+write MB/s (one core) vs Python json on the same file";

    public int Run(string[] args)
    {
        int mb = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var python = args.Length > 1 ? args[1] : "/usr/bin/python3";
        var dir = Path.Combine(Path.GetTempPath(), "assay-bench-jsonl");
        Directory.CreateDirectory(dir);
        var input = Path.Combine(dir, "input.jsonl");
        if (!File.Exists(input) || new FileInfo(input).Length < mb * 1_000_000L) Generate(input, mb * 1_000_000L);
        long bytes = new FileInfo(input).Length;

        var output = Path.Combine(dir, "output.jsonl");
        Measure(input, output); // warm-up: JIT, page cache
        if (args.Contains("--parts"))
        {
            var sw0 = Stopwatch.StartNew();
            long n0 = 0;
            using (var lr = new LineReader(File.OpenRead(input), 1 << 25)) while (lr.Next(out _) == LineStatus.Line) n0++;
            Console.WriteLine($"lines only: {bytes / 1e6 / sw0.Elapsed.TotalSeconds:F0} MB/s");
            sw0.Restart();
            var recs = ShardReader.Read(input).ToList();
            Console.WriteLine($"read (parse): {bytes / 1e6 / sw0.Elapsed.TotalSeconds:F0} MB/s");
            sw0.Restart();
            using (var w = new ShardWriter(output)) { foreach (var r in recs) w.Write(r); w.Complete(); }
            Console.WriteLine($"write: {bytes / 1e6 / sw0.Elapsed.TotalSeconds:F0} MB/s");
        }
        var best = Enumerable.Range(0, 3).Select(_ => Measure(input, output)).Min();
        double ours = bytes / 1e6 / best;
        if (!File.ReadAllBytes(output).AsSpan().SequenceEqual(File.ReadAllBytes(input)))
            Console.WriteLine("note: output differs from input bytes (expected only if input was not in Assay's canonical form)");

        var psi = new ProcessStartInfo(python) { RedirectStandardOutput = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "jsonl_python.py"));
        psi.ArgumentList.Add(input);
        psi.ArgumentList.Add(Path.Combine(dir, "output-py.jsonl"));
        using var p = Process.Start(psi)!;
        var pyOut = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        double py = double.Parse(pyOut.Split(' ')[0], CultureInfo.InvariantCulture);

        Console.WriteLine($"file: {bytes / 1e6:F1} MB, {CountLines(input):N0} records");
        Console.WriteLine($"assay  read+write: {ours:F1} MB/s (best of 3, one thread)");
        Console.WriteLine($"python read+write: {py:F1} MB/s (json.loads + json.dumps, best of 3)");
        Console.WriteLine($"ratio: {ours / py:F2}x");
        return 0;
    }

    private static double Measure(string input, string output)
    {
        var sw = Stopwatch.StartNew();
        using (var w = new ShardWriter(output))
        {
            foreach (var r in ShardReader.Read(input)) w.Write(r);
            w.Complete();
        }
        return sw.Elapsed.TotalSeconds;
    }

    private static long CountLines(string path) => File.ReadLines(path).LongCount();

    /// <summary>Web-like records: real-looking text of varied length, a source, a label and a small meta object.</summary>
    private static void Generate(string path, long targetBytes)
    {
        var rng = new Random(1);
        string[] words = "the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there been one all we their has would when if so no will them more can said who out about time up into only some could than other".Split(' ');
        string[] rare = ["naïve", "café", "Zürich", "東京", "Ελλάδα", "emoji😀", "\"quoted\"", "tab\there", "line\nbreak", "back\\slash"];
        using var w = new ShardWriter(path);
        long i = 0;
        while (w.UncompressedBytes < targetBytes)
        {
            int n = 20 + (int)(rng.NextDouble() * rng.NextDouble() * 600);
            var sb = new System.Text.StringBuilder(n * 6);
            for (int k = 0; k < n; k++)
            {
                if (k > 0) sb.Append(k % 17 == 0 ? ". " : " ");
                sb.Append(rng.Next(50) == 0 ? rare[rng.Next(rare.Length)] : words[rng.Next(words.Length)]);
            }
            w.Write(new Record($"doc-{i:D9}", sb.ToString())
            {
                Source = i % 3 == 0 ? "web" : "books",
                Label = Label.Of(i % 2 == 0 ? "keep" : "drop"),
                Meta = new JsonObject { ["url"] = $"https://example.org/{i}", ["score"] = Math.Round(rng.NextDouble(), 4), ["tags"] = new JsonArray("a", "b") },
            });
            i++;
        }
        w.Complete();
    }
}
