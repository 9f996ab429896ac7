using System.Diagnostics;
using System.Globalization;
using Assay.Learn.Kernels;

namespace Assay.Bench.Learn;

/// <summary>GFLOP/s of the linear-layer forward and backward, managed kernel vs OpenBLAS, on GPT-shaped problems.</summary>
public sealed class LearnMatMulTask : IBenchTask
{
    public string Name => "learn-matmul";
    public string Description => "MatMul forward/backward GFLOP/s, managed vs OpenBLAS. Args: --threads N --reps N";

    public int Run(string[] args)
    {
        int Arg(string name, int def)
        {
            int i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : def;
        }
        LearnThreads.Count = Arg("threads", 2);
        int reps = Arg("reps", 3);
        var rng = new Random(0);
        Console.WriteLine($"threads={LearnThreads.Count} reps={reps}");
        foreach (var (n, c, oc) in new[] { (2048, 256, 768), (2048, 256, 1024), (2048, 1024, 256), (2048, 256, 8192) })
        {
            var inp = new float[n * c];
            var w = new float[oc * c];
            var o = new float[n * oc];
            var dinp = new float[n * c];
            var dw = new float[oc * c];
            foreach (ref float v in inp.AsSpan()) v = (float)rng.NextDouble() - 0.5f;
            foreach (ref float v in w.AsSpan()) v = (float)rng.NextDouble() - 0.5f;
            foreach (var backend in MatMul.OpenBlasAvailable ? [MatMulBackend.Managed, MatMulBackend.OpenBlas] : new[] { MatMulBackend.Managed })
            {
                MatMul.Forward(o, inp, w, [], n, c, oc, backend);
                var sw = Stopwatch.StartNew();
                for (int r = 0; r < reps; r++) MatMul.Forward(o, inp, w, [], n, c, oc, backend);
                double fwd = sw.Elapsed.TotalSeconds / reps;
                sw.Restart();
                for (int r = 0; r < reps; r++) MatMul.Backward(dinp, dw, [], o, inp, w, n, c, oc, backend);
                double bwd = sw.Elapsed.TotalSeconds / reps;
                double flops = 2.0 * n * c * oc;
                Console.WriteLine($"{n,5}x{c,5}x{oc,5} {backend,-9} forward {flops / fwd / 1e9,6:F1} GFLOP/s   backward {2 * flops / bwd / 1e9,6:F1} GFLOP/s");
            }
        }
        return 0;
    }
}
