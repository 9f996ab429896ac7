using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Assay.Curation.Dedup;

namespace Assay.Bench.Dedup;

/// <summary>
/// MinHash signature throughput (128 permutations, word 5-grams) of Assay vs the vectorized numpy
/// implementation of the same algorithm in bench/dedup/minhash_numpy.py, on the same documents
/// file; checks that both produce identical signatures.
/// Args: [--mb 20] [--python /usr/bin/python3] [--num-perm 128]
/// </summary>
public sealed class MinHashVsNumpy : IBenchTask
{
    public string Name => "minhash-vs-numpy";

    public string Description => "MinHash signatures MB/s (128 perms) vs vectorized numpy; checks identical output";

    public int Run(string[] args)
    {
        int mb = IntArg(args, "--mb", 20);
        int numPerm = IntArg(args, "--num-perm", 128);
        string python = StringArg(args, "--python", "/usr/bin/python3");
        string file = DedupBenchFiles.Documents(mb);
        var docs = File.ReadAllText(file, Encoding.UTF8).Split('\n');
        if (docs[^1].Length == 0)
            docs = docs[..^1];
        long bytes = docs.Sum(d => (long)Encoding.UTF8.GetByteCount(d));
        Console.WriteLine($"file {file}: {docs.Length} docs, {bytes / 1e6:F1} MB; num_perm {numPerm}; Vector512 {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}");

        var sigs = new ulong[docs.Length * (long)numPerm];
        Signatures(docs.AsSpan(0, Math.Min(2000, docs.Length)), sigs, numPerm); // warm-up (JIT tiers)
        // The machine is shared: CPU time of this thread is the per-core figure; wall time is shown too.
        double best = double.MaxValue, bestWall = double.MaxValue;
        for (int rep = 0; rep < 3; rep++)
        {
            var cpu0 = ThreadCpu();
            var sw = Stopwatch.StartNew();
            Signatures(docs, sigs, numPerm);
            bestWall = Math.Min(bestWall, sw.Elapsed.TotalSeconds);
            best = Math.Min(best, (ThreadCpu() - cpu0).TotalSeconds);
        }
        double csMbps = bytes / 1e6 / best;
        Console.WriteLine($"assay  1 thread : cpu {best:F3} s  {csMbps,8:F1} MB/s per core (best of 3; wall {bestWall:F3} s, {bytes / 1e6 / bestWall:F1} MB/s)");
        if (args.Contains("--breakdown"))
            Breakdown(docs, numPerm, bytes);

        var sw2 = Stopwatch.StartNew();
        int chunks = Environment.ProcessorCount;
        Parallel.For(0, chunks, c =>
        {
            int lo = (int)((long)docs.Length * c / chunks), hi = (int)((long)docs.Length * (c + 1) / chunks);
            Signatures(docs.AsSpan(lo, hi - lo), sigs.AsSpan(lo * numPerm), numPerm);
        });
        Console.WriteLine($"assay {chunks} threads: {sw2.Elapsed.TotalSeconds:F3} s  {bytes / 1e6 / sw2.Elapsed.TotalSeconds,8:F1} MB/s (machine shared)");

        string outPath = Path.Combine(Path.GetTempPath(), $"assay-minhash-numpy-{Environment.ProcessId}.bin");
        var (exit, stdout, stderr) = DedupBenchFiles.Run(python, Path.Combine(DedupBenchFiles.ScriptsDir(), "minhash_numpy.py"), file, outPath, "--num-perm", numPerm.ToString(), "--seed", "42");
        if (exit != 0)
        {
            Console.WriteLine($"numpy run failed ({exit}): {stderr}");
            return 1;
        }
        var json = JsonDocument.Parse(stdout).RootElement;
        double pySeconds = json.GetProperty("cpu_seconds").GetDouble();
        double pyWall = json.GetProperty("seconds").GetDouble();
        double pyMbps = bytes / 1e6 / pySeconds;
        Console.WriteLine($"numpy  1 thread : cpu {pySeconds:F3} s  {pyMbps,8:F1} MB/s per core (wall {pyWall:F3} s)");
        Console.WriteLine($"speed-up        : {csMbps / pyMbps:F1}x (target >= 20x; target >= 50 MB/s/core)");

        var py = File.ReadAllBytes(outPath);
        File.Delete(outPath);
        var pySigs = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(py);
        int same = 0;
        for (int d = 0; d < docs.Length; d++)
        {
            if (pySigs.Slice(d * numPerm, numPerm).SequenceEqual(sigs.AsSpan(d * numPerm, numPerm)))
                same++;
        }
        Console.WriteLine($"identical signatures: {same}/{docs.Length} documents");
        return same == docs.Length ? 0 : 2;
    }

    // Process CPU time: the timed sections run on one thread with nothing else busy in the process
    // (the runtime's own background threads are idle by then).
    private static TimeSpan ThreadCpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private static void Signatures(ReadOnlySpan<string> docs, Span<ulong> output, int numPerm)
    {
        var hasher = new MinHasher(numPerm, 42);
        var words = new NormalizedWords();
        ulong[] hashes = new ulong[1024];
        for (int d = 0; d < docs.Length; d++)
        {
            words.Load(docs[d]);
            int n = Shingles.Hash(words, 5, 42, ref hashes);
            hasher.Compute(hashes.AsSpan(0, n), output.Slice(d * numPerm, numPerm));
        }
    }

    // Times normalization alone, plus shingle hashing, plus permutations, to show where time goes.
    private static void Breakdown(string[] docs, int numPerm, long bytes)
    {
        var words = new NormalizedWords();
        ulong[] hashes = new ulong[1024];
        var hasher = new MinHasher(numPerm, 42);
        var sig = new ulong[numPerm];
        long shingles = 0;
        var c0 = ThreadCpu();
        foreach (string d in docs)
            words.Load(d);
        double tNorm = (ThreadCpu() - c0).TotalSeconds;
        c0 = ThreadCpu();
        foreach (string d in docs)
        {
            words.Load(d);
            shingles += Shingles.Hash(words, 5, 42, ref hashes);
        }
        double tHash = (ThreadCpu() - c0).TotalSeconds;
        c0 = ThreadCpu();
        foreach (string d in docs)
        {
            words.Load(d);
            int n = Shingles.Hash(words, 5, 42, ref hashes);
            hasher.Compute(hashes.AsSpan(0, n), sig);
        }
        double tAll = (ThreadCpu() - c0).TotalSeconds;
        Console.WriteLine($"  breakdown (cpu): normalize {tNorm:F3} s, +shingle hash {tHash - tNorm:F3} s, +permutations {tAll - tHash:F3} s; {shingles} shingles ({(tAll - tHash) / shingles * 1e9:F1} ns/shingle for {numPerm} perms)");
    }

    internal static int IntArg(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    }

    internal static string StringArg(string[] args, string name, string fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
