using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;

namespace Assay.Bench.FastText;

/// <summary>npm packages cached in ${ASSAY_CACHE:-~/.cache/assay}/npm and node runs for the side-by-side task.</summary>
internal static class NodeTools
{
    public static string CacheRoot =>
        Environment.GetEnvironmentVariable("ASSAY_CACHE") is { Length: > 0 } c
            ? c
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "assay");

    public static string RepoRoot
    {
        get
        {
            foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
                for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
                    if (File.Exists(Path.Combine(d.FullName, "global.json")) && Directory.Exists(Path.Combine(d.FullName, "bench", "fasttext")))
                        return d.FullName;
            throw new InvalidOperationException("run from inside the Assay repository (no global.json with bench/fasttext found)");
        }
    }

    public static string Script(string name) => Path.Combine(RepoRoot, "bench", "fasttext", name);

    /// <summary>Unpacked folder of name@version, fetched with <c>npm pack</c> on first use (same layout as the tests use).</summary>
    public static string NpmPackage(string name, string version)
    {
        string npmDir = Path.Combine(CacheRoot, "npm");
        string safe = name.TrimStart('@').Replace('/', '-');
        string dest = Path.Combine(npmDir, $"{safe}-{version}");
        if (File.Exists(Path.Combine(dest, ".complete")))
            return Path.Combine(dest, "package");
        Directory.CreateDirectory(npmDir);
        string tgz = Path.Combine(npmDir, $"{safe}-{version}.tgz");
        if (!File.Exists(tgz))
            Run("npm", ["pack", $"{name}@{version}", "--pack-destination", npmDir]);
        if (Directory.Exists(dest))
            Directory.Delete(dest, recursive: true);
        Directory.CreateDirectory(dest);
        using (var gz = new GZipStream(File.OpenRead(tgz), CompressionMode.Decompress))
            TarFile.ExtractToDirectory(gz, dest, overwriteFiles: true);
        File.WriteAllText(Path.Combine(dest, ".complete"), "");
        return Path.Combine(dest, "package");
    }

    public static string Run(string file, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', psi.ArgumentList)} exited {p.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
