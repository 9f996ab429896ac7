using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Assay.Text.Bpe;

namespace Assay.Bench.Bpe;

/// <summary>
/// cl100k_base encode throughput of Assay's TiktokenEncoding against js-tiktoken 1.0.21 under node,
/// on the same documents in the same run, checking the ids are identical. Both sides encode the
/// whole set once to warm up and then time one full pass; MB/s counts UTF-8 bytes of input.
/// Args: [--mb N] [--encoding NAME] [--passes N] [--cache DIR] (DIR as bench/bpe/fetch.sh prints).
/// </summary>
public sealed class BpeVsJsTiktokenTask : IBenchTask
{
    public string Name => "bpe-vs-jstiktoken";

    public string Description => "cl100k encode MB/s vs js-tiktoken on nlp-corpus text; ids must match";

    public int Run(string[] args)
    {
        var mb = 4.0;
        var encodingName = "cl100k_base";
        var passes = 3;
        var cache = Path.Combine(
            Environment.GetEnvironmentVariable("ASSAY_CACHE") is { Length: > 0 } c
                ? c
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "assay"),
            "npm", "bpe");
        for (var i = 0; i < args.Length - 1; i += 2)
        {
            switch (args[i])
            {
                case "--mb": mb = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--encoding": encodingName = args[i + 1]; break;
                case "--passes": passes = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--cache": cache = args[i + 1]; break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }
        var modules = Path.Combine(cache, "js-tiktoken-1.0.21");
        var corpus = Path.Combine(cache, "nlp-corpus-4.4.0", "package", "builds");
        if (!Directory.Exists(corpus) || !Directory.Exists(Path.Combine(modules, "node_modules")))
        {
            Console.Error.WriteLine($"missing {corpus} or {modules}: run bench/bpe/fetch.sh first");
            return 2;
        }

        var docs = LoadDocuments(corpus, (long)(mb * 1024 * 1024));
        long bytes = docs.Sum(d => (long)Encoding.UTF8.GetByteCount(d));
        Console.WriteLine($"text: {docs.Count} documents, {bytes / 1048576.0:F2} MB UTF-8 from nlp-corpus 4.4.0");

        var load = Stopwatch.StartNew();
        var enc = TiktokenEncoding.Load(encodingName, modules);
        Console.WriteLine($"assay load {encodingName}: {load.Elapsed.TotalMilliseconds:F0} ms");

        // Assay: warm-up pass (also the ids we compare), then the best of several timed passes.
        var ours = docs.Select(d => enc.EncodeOrdinary(d)).ToArray();
        var best = double.MaxValue;
        var bestCpu = double.MaxValue;
        var list = new List<int>(1 << 16);
        var process = Process.GetCurrentProcess();
        for (var p = 0; p < passes; p++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            foreach (var d in docs) { list.Clear(); enc.EncodeOrdinary(d, list); }
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu0).TotalSeconds);
        }
        var oursMbs = bytes / 1048576.0 / best;
        var oursCpuMbs = bytes / 1048576.0 / bestCpu;

        var (jsIds, jsSeconds, jsCpuSeconds) = RunNode(modules, encodingName, docs);
        var jsMbs = bytes / 1048576.0 / jsSeconds;
        var jsCpuMbs = bytes / 1048576.0 / jsCpuSeconds;

        var mismatches = Enumerable.Range(0, docs.Count).Count(i => !ours[i].AsSpan().SequenceEqual(jsIds[i]));
        var tokens = ours.Sum(t => (long)t.Length);
        Console.WriteLine($"tokens: {tokens}, documents with different ids: {mismatches}");
        // Wall-clock figures suffer when other processes share the cores; CPU-time figures less so.
        Console.WriteLine($"assay      : {oursMbs,8:F2} MB/s wall, {oursCpuMbs,8:F2} MB/s CPU  (best of {passes} passes, {best * 1000:F0} ms wall)");
        Console.WriteLine($"js-tiktoken: {jsMbs,8:F2} MB/s wall, {jsCpuMbs,8:F2} MB/s CPU  (one pass after warm-up, {jsSeconds * 1000:F0} ms wall, node {NodeVersion()})");
        Console.WriteLine($"ratio      : {oursMbs / jsMbs:F2}x wall, {oursCpuMbs / jsCpuMbs:F2}x CPU");
        return mismatches == 0 ? 0 : 1;
    }

    private static List<string> LoadDocuments(string dir, long targetBytes)
    {
        var docs = new List<string>();
        long total = 0;
        for (var d = 0; total < targetBytes && File.Exists(Path.Combine(dir, $"doc-{d}.json")); d++)
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, $"doc-{d}.json")));
            var doc = string.Join(" ", json.RootElement.EnumerateArray().Select(e => e.GetString()));
            docs.Add(doc);
            total += Encoding.UTF8.GetByteCount(doc);
        }
        return docs;
    }

    private static (int[][] Ids, double Seconds, double CpuSeconds) RunNode(string modules, string encoding, List<string> docs)
    {
        var work = Directory.CreateTempSubdirectory("assay-bpe-bench-");
        try
        {
            var input = Path.Combine(work.FullName, "in.jsonl");
            var output = Path.Combine(work.FullName, "out.txt");
            var sb = new StringBuilder();
            foreach (var d in docs) sb.Append("{\"t\":").Append(JsonSerializer.Serialize(d)).Append(",\"s\":0}\n");
            File.WriteAllText(input, sb.ToString());
            var stdout = Exec("node", OracleScript(), "encode", modules, encoding, input, output, "--time");
            using var timing = JsonDocument.Parse(stdout);
            var ms = timing.RootElement.GetProperty("ms").GetDouble();
            var cpuMs = timing.RootElement.GetProperty("cpu_ms").GetDouble();
            var ids = File.ReadAllLines(output)
                .Select(l => l.Length == 0 ? [] : l.Split(' ').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray())
                .ToArray();
            return (ids, ms / 1000, cpuMs / 1000);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string NodeVersion() => Exec("node", "--version").Trim();

    private static string Exec(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {tool}");
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{tool} exited {p.ExitCode}: {err.Result}");
        return output;
    }

    private static string OracleScript()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var f = Path.Combine(d.FullName, "bench", "bpe", "oracle.mjs");
            if (File.Exists(f)) return f;
        }
        throw new FileNotFoundException("bench/bpe/oracle.mjs not found above " + AppContext.BaseDirectory);
    }
}
