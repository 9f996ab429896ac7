using Assay.Core.Datasets;
using System.Diagnostics;
using System.Text;

namespace Assay.Bench.Dedup;

/// <summary>Inputs for the dedup benchmarks: a documents file built from nlp-corpus@4.4.0 sentences, and the repo's bench/dedup folder.</summary>
internal static class DedupBenchFiles
{
    public static string CacheDir
    {
        get
        {
            string root = Environment.GetEnvironmentVariable("ASSAY_CACHE") is { Length: > 0 } c
                ? c
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "assay");
            return root;
        }
    }

    public static string ScriptsDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "bench", "dedup");
            if (File.Exists(Path.Combine(candidate, "minhash_numpy.py")))
                return candidate;
        }
        throw new DirectoryNotFoundException("bench/dedup not found above " + AppContext.BaseDirectory);
    }

    /// <summary>One document per line, ~200 words each from random sentences, about <paramref name="megabytes"/> MB in total; cached.</summary>
    public static string Documents(int megabytes, int seed = 1)
    {
        string path = Path.Combine(CacheDir, "bench", $"dedup-docs-{megabytes}mb-s{seed}.txt");
        if (File.Exists(path))
            return path;
        var sentences = Sentences();
        var rng = new Random(seed);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string tmp = path + ".tmp";
        using (var w = new StreamWriter(tmp, false, new UTF8Encoding(false)))
        {
            long bytes = 0, target = megabytes * 1_000_000L;
            var sb = new StringBuilder();
            while (bytes < target)
            {
                sb.Clear();
                int words = 0, want = rng.Next(50, 400);
                while (words < want)
                {
                    string s = sentences[rng.Next(sentences.Count)].Replace('\n', ' ').Replace('\r', ' ');
                    sb.Append(s).Append(' ');
                    words += s.Count(c => c == ' ') + 1;
                }
                string doc = sb.ToString().TrimEnd();
                w.Write(doc);
                w.Write('\n');
                bytes += Encoding.UTF8.GetByteCount(doc) + 1;
            }
        }
        File.Move(tmp, path, true);
        return path;
    }

    /// <summary>The nlp-corpus data pack's sentences (pulled into the cache on first use).</summary>
    private static List<string> Sentences() => DatasetReader.Read("pack:nlp-corpus").Select(r => r.Text).ToList();

    public static (int Exit, string Stdout, string Stderr) Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + file);
        var err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output, err.Result);
    }
}
