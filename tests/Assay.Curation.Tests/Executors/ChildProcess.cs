using System.Diagnostics;
using System.Runtime.CompilerServices;
using Assay.Curation.Pipeline;
using Assay.Curation.Tests.Pipeline;

namespace Assay.Curation.Tests.Executors;

/// <summary>
/// Lets the test executable stand in for <c>assay run</c> in a child process (for kill -9 and Slurm
/// tests) with the test steps registered: when ASSAY_TEST_CHILD=1, the module initializer runs
/// <c>run PIPELINE [--stage S] [--task i] [--tasks N] [--merge] [--keep-stages]</c> (tasks, and stages, one after another) and exits before the test runner starts.
/// </summary>
internal static class ChildProcess
{
    public const string Variable = "ASSAY_TEST_CHILD";

#pragma warning disable CA2255 // deliberate: the test executable doubles as a pipeline runner
    [ModuleInitializer]
    internal static void MaybeRunAsChild()
#pragma warning restore CA2255
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1") return;
        var args = Environment.GetCommandLineArgs()[1..];
        int code;
        try { code = RunChild(args); }
        catch (Exception e)
        {
            Console.Error.WriteLine($"child: {e.GetType().Name}: {e.Message}");
            code = 1;
        }
        Environment.Exit(code);
    }

    private static int RunChild(string[] args)
    {
        if (args.Length < 2 || args[0] != "run") { Console.Error.WriteLine("usage: run PIPELINE [--task i] [--tasks N] [--merge]"); return 2; }
        int? Get(string name) => Array.IndexOf(args, name) is int i and >= 0 ? int.Parse(args[i + 1]) : null;
        var config = PipelineLoader.Load(args[1], TestData.Registry);
        if (args.Contains("--keep-stages")) config = config with { KeepStages = true };
        var run = PipelineRun.Prepare(config, Get("--tasks"));
        if (args.Contains("--merge")) { PipelineMerger.Merge(run); return 0; }
        var stages = PipelineStages.Of(run);
        if (stages.HasBarriers) return RunStages(run, stages, Get("--stage"), Get("--task"));
        // On this thread only: other threads touching this module would wait for this very initializer.
        var tasks = Get("--task") is int t ? [t] : Enumerable.Range(0, run.Tasks).ToArray();
        var results = tasks.Select(i => TaskRunner.Run(run, i)).ToList();
        if (tasks.Length == run.Tasks) PipelineMerger.Merge(run);
        Console.Out.WriteLine($"run={results.Count(r => !r.Skipped)} skipped={results.Count(r => r.Skipped)} resumed={results.Count(r => r.ResumedChunks > 0)}");
        return 0;
    }

    /// <summary>A pipeline with barrier steps: one task of one stage (Slurm), or every stage in order on this thread.</summary>
    private static int RunStages(PipelineRun run, PipelineStages stages, int? stage, int? task)
    {
        if (stage is int s)
        {
            stages.Run(stages.All[s], task ?? 0);
            return 0;
        }
        int ran = 0, skipped = 0, resumed = 0;
        foreach (var st in stages.All)
        {
            foreach (var t in stages.Units(st))
            {
                var (wasSkipped, wasResumed) = stages.Run(st, t);
                if (wasSkipped) skipped++; else ran++;
                if (wasResumed) resumed++;
            }
        }
        PipelineMerger.Merge(run);
        Console.Out.WriteLine($"run={ran} skipped={skipped} resumed={resumed}");
        return 0;
    }

    /// <summary>The command prefix that starts this test executable as a child runner.</summary>
    public static (string File, string[] Prefix) Self()
    {
        var process = Environment.ProcessPath!;
        var dll = typeof(ChildProcess).Assembly.Location;
        return Path.GetFileNameWithoutExtension(process) == "dotnet" ? (process, [dll]) : (process, []);
    }

    public static Process Start(params string[] args)
    {
        var (file, prefix) = Self();
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in prefix.Concat(args)) psi.ArgumentList.Add(a);
        psi.Environment[Variable] = "1";
        return Process.Start(psi)!;
    }
}
