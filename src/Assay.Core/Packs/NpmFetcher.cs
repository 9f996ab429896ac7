using System.Diagnostics;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text.Json;

namespace Assay.Core.Packs;

/// <summary>
/// Fetches a package tarball: through `npm pack` when npm is installed (so the user's registry,
/// mirror and proxy settings apply), otherwise over HTTPS from ASSAY_NPM_REGISTRY (or the
/// registry= line of ~/.npmrc). Either way the tarball's SHA-512 must match the registry's integrity.
/// </summary>
public static class NpmFetcher
{
    public const string RegistryVariable = "ASSAY_NPM_REGISTRY";

    public static string Fetch(string package, string version, string downloadDir, CancellationToken ct = default)
    {
        Directory.CreateDirectory(downloadDir);
        return NpmAvailable() ? FetchWithNpm(package, version, downloadDir, ct) : FetchWithHttp(package, version, downloadDir, ct);
    }

    private static bool NpmAvailable()
    {
        if (Environment.GetEnvironmentVariable("ASSAY_NO_NPM") is "1") return false;
        try { return Run("npm", ["--version"], Directory.GetCurrentDirectory(), CancellationToken.None).code == 0; }
        catch (System.ComponentModel.Win32Exception) { return false; }
    }

    private static string FetchWithNpm(string package, string version, string dir, CancellationToken ct)
    {
        var spec = $"{package}@{version}";
        var (code, stdout, stderr) = Run("npm", ["view", spec, "dist.integrity", "--json"], dir, ct);
        if (code != 0) throw new InvalidOperationException($"npm view {spec} failed: {FirstLine(stderr)}");
        var integrity = JsonSerializer.Deserialize<string>(stdout.Trim()) ?? throw new InvalidDataException($"npm view {spec}: no integrity");
        (code, stdout, stderr) = Run("npm", ["pack", spec, "--json", "--pack-destination", dir], dir, ct);
        if (code != 0) throw new InvalidOperationException($"npm pack {spec} failed: {FirstLine(stderr)}");
        using var doc = JsonDocument.Parse(stdout);
        var tgz = Path.Combine(dir, doc.RootElement[0].GetProperty("filename").GetString()!);
        Verify(tgz, integrity);
        return tgz;
    }

    private static string FetchWithHttp(string package, string version, string dir, CancellationToken ct)
    {
        var registry = RegistryUrl() ?? throw new InvalidOperationException(
            $"npm is not installed and no registry is configured: install npm, or set {RegistryVariable} to your npm registry's URL");
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
        var metaUrl = $"{registry.TrimEnd('/')}/{package.Replace("/", "%2f")}/{version}";
        using var meta = JsonDocument.Parse(http.GetStringAsync(metaUrl, ct).GetAwaiter().GetResult());
        var dist = meta.RootElement.GetProperty("dist");
        var tarball = dist.GetProperty("tarball").GetString()!;
        var integrity = dist.GetProperty("integrity").GetString()!;
        var tgz = Path.Combine(dir, Path.GetFileName(new Uri(tarball).LocalPath));
        using (var resp = http.GetAsync(tarball, HttpCompletionOption.ResponseHeadersRead, ct).GetAwaiter().GetResult())
        {
            resp.EnsureSuccessStatusCode();
            using var outFile = File.Create(tgz + ".part");
            resp.Content.ReadAsStream(ct).CopyTo(outFile);
        }
        File.Move(tgz + ".part", tgz, overwrite: true);
        Verify(tgz, integrity);
        return tgz;
    }

    private static string? RegistryUrl()
    {
        var env = Environment.GetEnvironmentVariable(RegistryVariable);
        if (!string.IsNullOrWhiteSpace(env)) return env;
        var npmrc = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".npmrc");
        if (!File.Exists(npmrc)) return null;
        return File.ReadLines(npmrc).Select(l => l.Trim()).Where(l => l.StartsWith("registry=", StringComparison.Ordinal))
            .Select(l => l["registry=".Length..]).FirstOrDefault();
    }

    /// <summary>Checks a Subresource-Integrity string (sha512-BASE64, or sha1-) against the file.</summary>
    public static void Verify(string file, string integrity)
    {
        var dash = integrity.IndexOf('-');
        var algo = integrity[..dash];
        var expected = integrity[(dash + 1)..];
        using var s = File.OpenRead(file);
        var actual = algo switch
        {
            "sha512" => Convert.ToBase64String(SHA512.HashData(s)),
            "sha256" => Convert.ToBase64String(SHA256.HashData(s)),
            "sha1" => Convert.ToBase64String(SHA1.HashData(s)),
            _ => throw new InvalidDataException($"unsupported integrity algorithm '{algo}'"),
        };
        if (actual != expected)
            throw new InvalidDataException($"{file}: integrity check failed (expected {integrity}, got {algo}-{actual}); the download is corrupt or was tampered with");
    }

    private static (int code, string stdout, string stderr) Run(string exe, string[] args, string cwd, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = cwd };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync(ct);
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExitAsync(ct).GetAwaiter().GetResult();
        return (p.ExitCode, stdout, err.GetAwaiter().GetResult());
    }

    private static string FirstLine(string s) =>
        s.Split('\n').FirstOrDefault(l => l.Contains("ERR", StringComparison.Ordinal)) ?? s.Split('\n').FirstOrDefault() ?? "";
}
