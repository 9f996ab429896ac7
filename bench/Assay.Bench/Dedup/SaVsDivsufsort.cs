using System.Diagnostics;
using System.Text.Json;
using Assay.Curation.Dedup;

namespace Assay.Bench.Dedup;

/// <summary>
/// Suffix-array construction over bytes: Assay's SA-IS vs libdivsufsort (through
/// bench/dedup/sa_divsufsort.c, compiled with gcc at run time) on the same file; checks both
/// arrays are identical. Args: [--mb 20] [--file PATH] [--cc gcc]
/// </summary>
public sealed class SaVsDivsufsort : IBenchTask
{
    public string Name => "sa-vs-divsufsort";

    public string Description => "suffix array over bytes: SA-IS (C#) vs libdivsufsort (C); checks identical output";

    public int Run(string[] args)
    {
        int mb = MinHashVsNumpy.IntArg(args, "--mb", 20);
        string cc = MinHashVsNumpy.StringArg(args, "--cc", "gcc");
        string file = MinHashVsNumpy.StringArg(args, "--file", "");
        if (file.Length == 0)
        {
            // The first mb·10^6 bytes of the documents file (text with real repeats).
            string docs = DedupBenchFiles.Documents(Math.Max(mb, 1));
            file = Path.Combine(Path.GetTempPath(), $"assay-sa-{mb}mb-{Environment.ProcessId}.bin");
            using (var src = File.OpenRead(docs))
            using (var dst = File.Create(file))
            {
                var buf = new byte[mb * 1_000_000];
                int n = src.ReadAtLeast(buf, buf.Length, throwOnEndOfStream: false);
                dst.Write(buf, 0, n);
            }
        }
        byte[] text = File.ReadAllBytes(file);
        string exe = Path.Combine(Path.GetTempPath(), $"assay-sa-divsufsort-{Environment.ProcessId}");
        var (ccExit, _, ccErr) = DedupBenchFiles.Run(cc, "-O2", "-o", exe, Path.Combine(DedupBenchFiles.ScriptsDir(), "sa_divsufsort.c"), "-ldivsufsort");
        if (ccExit != 0)
        {
            Console.WriteLine($"compiling the harness failed: {ccErr}");
            return 1;
        }
        Console.WriteLine($"input {file}: {text.Length / 1e6:F1} MB");

        SuffixArray.Build(text.AsSpan(0, Math.Min(text.Length, 1 << 20))); // warm-up (JIT tiers)
        int[] sa = [];
        double cpu = double.MaxValue, wall = double.MaxValue;
        for (int rep = 0; rep < 2; rep++)
        {
            var c0 = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            sa = SuffixArray.Build(text);
            wall = Math.Min(wall, sw.Elapsed.TotalSeconds);
            cpu = Math.Min(cpu, (Process.GetCurrentProcess().TotalProcessorTime - c0).TotalSeconds);
        }
        Console.WriteLine($"assay SA-IS   : cpu {cpu:F3} s  {text.Length / 1e6 / cpu,7:F1} MB/s (best of 2; wall {wall:F3} s)");

        string saOut = exe + ".sa";
        var (exit, stdout, stderr) = DedupBenchFiles.Run(exe, file, saOut);
        if (exit != 0)
        {
            Console.WriteLine($"divsufsort harness failed ({exit}): {stderr}");
            return 1;
        }
        var json = JsonDocument.Parse(stdout).RootElement;
        double dCpu = json.GetProperty("cpu_seconds").GetDouble();
        Console.WriteLine($"libdivsufsort : cpu {dCpu:F3} s  {text.Length / 1e6 / dCpu,7:F1} MB/s (wall {json.GetProperty("seconds").GetDouble():F3} s)");
        Console.WriteLine($"speed ratio   : {dCpu / cpu:F2}x of divsufsort (target >= 0.5x)");
        var theirs = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(File.ReadAllBytes(saOut));
        bool same = theirs.SequenceEqual(sa);
        Console.WriteLine($"identical suffix arrays: {same}");
        File.Delete(saOut);
        File.Delete(exe);
        if (file.StartsWith(Path.GetTempPath(), StringComparison.Ordinal) && file.Contains("assay-sa-", StringComparison.Ordinal))
            File.Delete(file);
        return same ? 0 : 2;
    }
}
