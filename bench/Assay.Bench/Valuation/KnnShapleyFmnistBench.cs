using System.Diagnostics;
using Assay.Valuation.Data;
using Assay.Valuation.Kernels;
using Assay.Valuation.Methods;

namespace Assay.Bench.Valuation;

/// <summary>
/// Exact KNN-Shapley on full Fashion-MNIST (60,000 train × 10,000 test × 784) against the numpy
/// reference bench/valuation/knn_shapley_numpy.py, which runs on the first --numpy-tests test points
/// and extrapolates linearly; values are compared on that same subset.
/// Args: [--tests T] [--numpy-tests M] [--threads P] [--k K] [--no-numpy] [--dir D] [--fp32] (fp32 distances instead of the exact integer path) [--block B] (test rows per block)
/// </summary>
public sealed class KnnShapleyFmnistBench : IBenchTask
{
    public string Name => "knn-shapley-fmnist";

    public string Description => "exact KNN-Shapley, Fashion-MNIST 60k×10k×784, vs numpy (extrapolated)";

    public int Run(string[] args)
    {
        string Arg(string name, string def) { int i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : def; }
        var dir = Arg("--dir", FashionMnist.DefaultDirectory);
        int tests = int.Parse(Arg("--tests", "10000"));
        int npTests = int.Parse(Arg("--numpy-tests", "500"));
        int k = int.Parse(Arg("--k", "10"));
        int? threads = args.Contains("--threads") ? int.Parse(Arg("--threads", "1")) : null;

        var sw = Stopwatch.StartNew();
        var train = FashionMnist.LoadTrain(dir);
        var test = FashionMnist.LoadTest(dir, tests);
        Console.WriteLine($"loaded {train.Count}×{train.Dimension} train, {test.Count} test in {sw.Elapsed.TotalSeconds:F1} s; cores {Environment.ProcessorCount}, threads {threads?.ToString() ?? "all"}");

        if (args.Contains("--profile")) return Profile(train, test);
        var method = new KnnShapley(new KnnShapleyOptions(K: k, MaxDegreeOfParallelism: threads, ExactIntegerDistances: !args.Contains("--fp32"), TestBlockSize: args.Contains("--block") ? int.Parse(Arg("--block", "64")) : null));
        Console.WriteLine($"distances: {(args.Contains("--fp32") ? "fp32 (DotKernel)" : "exact int16 (ByteDotKernel)")}");
        sw.Restart();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var full = method.Value(train, test);
        double cs = sw.Elapsed.TotalSeconds;
        double ccpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        Console.WriteLine($"C# exact KNN-Shapley {train.Count}×{test.Count}: {cs:F2} s wall, {ccpu:F2} s CPU (incl. packing); sum of values {full.Values.Sum():F6}");
        if (args.Contains("--no-numpy")) return 0;

        var sub = FashionMnist.LoadTest(dir, npTests);
        sw.Restart();
        var mine = method.Value(train, sub).Values;
        Console.WriteLine($"C# on the first {sub.Count} test points: {sw.Elapsed.TotalSeconds:F2} s");
        var outPath = Path.Combine(Path.GetTempPath(), $"knn_shapley_numpy_{Environment.ProcessId}.f64");
        var script = Path.Combine(FindRepoRoot(), "bench", "valuation", "knn_shapley_numpy.py");
        var psi = new ProcessStartInfo("/usr/bin/python3", $"{script} --dir {dir} --tests {npTests} --k {k} --out {outPath}")
        { RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Console.Write(output);
        if (p.ExitCode != 0) { Console.WriteLine("numpy reference failed"); return 1; }
        var extrap = output.Split(' ', '\n').First(s => s.StartsWith("NUMPY_SECONDS_EXTRAPOLATED=", StringComparison.Ordinal));
        double npSeconds = double.Parse(extrap.Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);
        var extrapCpu = output.Split(' ', '\n').First(s => s.StartsWith("NUMPY_CPU_EXTRAPOLATED=", StringComparison.Ordinal));
        double npCpu = double.Parse(extrapCpu.Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);
        var bytes = File.ReadAllBytes(outPath);
        File.Delete(outPath);
        var theirs = new double[bytes.Length / 8];
        Buffer.BlockCopy(bytes, 0, theirs, 0, bytes.Length);
        double maxAbs = 0, maxVal = 0;
        int mismatches = 0;
        for (int i = 0; i < mine.Length; i++)
        {
            double d = Math.Abs(mine[i] - theirs[i]);
            maxAbs = Math.Max(maxAbs, d);
            maxVal = Math.Max(maxVal, Math.Abs(theirs[i]));
            if (d > 1e-9) mismatches++;
        }
        Console.WriteLine($"agreement on {sub.Count} test points: max |Δ| = {maxAbs:E2} (max |value| {maxVal:E2}), {mismatches} of {mine.Length} differ by > 1e-9");
        double scaled = cs * 10000.0 / test.Count;
        double scaledCpu = ccpu * 10000.0 / test.Count;
        Console.WriteLine($"RESULT wall: C#={scaled:F2}s numpy(extrapolated)={npSeconds:F1}s ratio={npSeconds / scaled:F1}x; " +
            $"CPU: C#={scaledCpu:F2}s numpy(extrapolated)={npCpu:F1}s ratio={npCpu / scaledCpu:F1}x");
        return 0;
    }

    /// <summary>Single-thread CPU split of one 64-row test block on the exact integer path: dot kernel, keys + radix sort, recursion.</summary>
    private static int Profile(DenseData train, DenseData test)
    {
        test = ByteDotKernel.GroupSimilarRows(test); // the order the method uses
        var packed = new PackedTrainBytes(train);
        var dist = new ByteDistances(packed);
        int rows = 64, ldc = dist.Stride, n = train.Count, reps = 5;
        var a = new int[dist.PackedLength(rows)];
        var c = new int[rows * ldc];
        static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        dist.Dots(test.Features.AsSpan(0, rows * test.Dimension), rows, a, c); // warm-up: let the JIT reach tier 1
        double t0 = Cpu();
        for (int rep = 0; rep < reps; rep++) dist.Dots(test.Features.AsSpan(0, rows * test.Dimension), rows, a, c);
        double dot = (Cpu() - t0) / reps;
        var keys = new ulong[n];
        var tmp = new ulong[n];
        var hist = new int[RadixSort.HistogramLength];
        // Whole blocks per timing: the CPU clock is too coarse for one row.
        t0 = Cpu();
        for (int rep = 0; rep < reps; rep++)
            for (int r = 0; r < rows; r++)
                DistanceKeys.Build(c.AsSpan(r * ldc, n), dist.SquaredNorm(test.Row(r)), packed.SquaredNorms, keys, hist, narrow: true);
        double keyTime = Cpu() - t0;
        t0 = Cpu();
        for (int rep = 0; rep < reps; rep++)
            for (int r = 0; r < rows; r++)
            {
                DistanceKeys.Build(c.AsSpan(r * ldc, n), dist.SquaredNorm(test.Row(r)), packed.SquaredNorms, keys, hist, narrow: true);
                RadixSort.SortCounted(keys, tmp, hist, RadixSort.Narrow);
            }
        double sortTime = Cpu() - t0 - keyTime;
        var weight = new double[n];
        for (int i = 1; i < n; i++) weight[i] = Math.Min(10, i) / (10.0 * i);
        var partial = new double[n];
        DistanceKeys.Build(c.AsSpan(0, n), dist.SquaredNorm(test.Row(0)), packed.SquaredNorms, keys, hist, narrow: true);
        var sorted = RadixSort.SortCounted(keys, tmp, hist, RadixSort.Narrow).ToArray();
        t0 = Cpu();
        for (int rep = 0; rep < reps * rows; rep++) KnnShapley.Accumulate(sorted, train.Labels, test.Labels[rep % rows], n, 10, weight, partial);
        double accTime = (Cpu() - t0) / reps;
        Console.WriteLine($"one block of {rows} test rows, 1 thread, CPU: dot kernel {dot * 1000:F0} ms ({2.0 * rows * n * train.Dimension / dot / 1e9:F0} GOP/s), " +
            $"keys+histograms {keyTime / reps * 1000:F0} ms, radix sort {sortTime / reps * 1000:F0} ms, recursion {accTime * 1000:F0} ms");
        Console.WriteLine($"→ single-thread CPU for 10,000 test rows : {(dot + (keyTime + sortTime) / reps + accTime) * 10000 / rows:F1} s");
        return 0;
    }

    private static string FindRepoRoot()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "Assay.slnx"))) d = d.Parent;
        return d?.FullName ?? Directory.GetCurrentDirectory();
    }
}
