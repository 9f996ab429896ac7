using System.Diagnostics;

namespace Assay.Bench.Learn;

/// <summary>Runs bench/learn/parity.py with the Debian python that has torch (ASSAY_PYTHON overrides).</summary>
internal static class Python
{
    public static string Interpreter => Environment.GetEnvironmentVariable("ASSAY_PYTHON") is { Length: > 0 } p ? p : "/usr/bin/python3";

    public static string Script
    {
        get
        {
            // Walk up from the working directory to the repository root holding bench/learn/parity.py.
            for (var d = new DirectoryInfo(Directory.GetCurrentDirectory()); d is not null; d = d.Parent)
            {
                string candidate = Path.Combine(d.FullName, "bench", "learn", "parity.py");
                if (File.Exists(candidate)) return candidate;
            }
            throw new FileNotFoundException("bench/learn/parity.py not found above the working directory; run from the repository.");
        }
    }

    /// <summary>Runs the script, echoing its output; returns its exit code.</summary>
    public static int Run(string[] args) => Run(args, echo: true, out _);

    public static int Run(string[] args, bool echo, out string stdout)
    {
        var psi = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add(Script);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {Interpreter}");
        stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (echo) Console.Write(stdout);
        return p.ExitCode;
    }
}
