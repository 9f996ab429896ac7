using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;

namespace Assay.Text.Tests.Bpe;

/// <summary>
/// Fetches npm packages the BPE tests need into <c>$ASSAY_CACHE/npm/bpe</c> (default
/// <c>~/.cache/assay/npm/bpe</c>) once, with the ordinary npm client. Anything that goes wrong
/// throws: these tests must fail, not skip, when node or npm cannot run.
/// </summary>
internal static class NpmCache
{
    public const string JsTiktokenVersion = "1.0.21";

    private static readonly Lock Gate = new();

    public static string Root
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("ASSAY_CACHE");
            if (string.IsNullOrEmpty(root))
                root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "assay");
            return Path.Combine(root, "npm", "bpe");
        }
    }

    /// <summary>A folder whose node_modules holds js-tiktoken (and its base64-js dependency).</summary>
    public static string JsTiktokenModules()
    {
        var dir = Path.Combine(Root, $"js-tiktoken-{JsTiktokenVersion}");
        lock (Gate)
        {
            if (!File.Exists(Path.Combine(dir, "node_modules", "js-tiktoken", "dist", "ranks", "o200k_base.js")))
            {
                Directory.CreateDirectory(dir);
                Run("npm", dir, "install", "--prefix", dir, "--no-audit", "--no-fund", "--loglevel=error",
                    $"js-tiktoken@{JsTiktokenVersion}");
            }
        }
        return dir;
    }

    /// <summary>The unpacked <c>package/</c> folder of NAME@VERSION, via <c>npm pack</c>.</summary>
    public static string Package(string name, string version)
    {
        var dir = Path.Combine(Root, $"{name}-{version}");
        var package = Path.Combine(dir, "package");
        lock (Gate)
        {
            if (!File.Exists(Path.Combine(package, "package.json")))
            {
                Directory.CreateDirectory(dir);
                Run("npm", dir, "pack", $"{name}@{version}", "--pack-destination", dir, "--loglevel=error");
                var tgz = Directory.GetFiles(dir, "*.tgz").Single();
                using var gz = new GZipStream(File.OpenRead(tgz), CompressionMode.Decompress);
                TarFile.ExtractToDirectory(gz, dir, overwriteFiles: true);
            }
        }
        return package;
    }

    /// <summary>Runs a tool, throwing with its output when it fails; returns stdout.</summary>
    public static string Run(string tool, string workDir, params string[] args)
    {
        var psi = new ProcessStartInfo(tool)
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} exited {p.ExitCode}: {stderr.Result}");
        return stdout;
    }

    /// <summary>bench/bpe/oracle.mjs of this checkout, found by walking up from the test binaries.</summary>
    public static string OracleScript()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var f = Path.Combine(d.FullName, "bench", "bpe", "oracle.mjs");
            if (File.Exists(f)) return f;
        }
        throw new FileNotFoundException("bench/bpe/oracle.mjs not found above " + AppContext.BaseDirectory);
    }
}
