using System.Diagnostics;
using Assay.Core.Progress;
using Assay.Curation.Pipeline;

namespace Assay.Curation.Executors;

/// <summary>
/// Runs a pipeline as Slurm jobs: an array job over the tasks not yet done (each element runs the
/// same <c>assay</c> with <c>--task $SLURM_ARRAY_TASK_ID --tasks N</c>), and a merge job with
/// <c>--dependency=afterok</c> on it. Waits by polling <c>squeue</c>; completion is judged by the
/// markers and stats.json the jobs leave, not by Slurm accounting (often not configured).
/// </summary>
public sealed class SlurmExecutor(SlurmOptions options)
{
    public RunSummary Run(PipelineRun run, IProgress<ProgressInfo>? progress = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var layout = run.Layout;
        var dir = Path.Combine(layout.Tasks, "slurm");
        var logs = Path.Combine(dir, "logs");
        Directory.CreateDirectory(logs);
        var pipeline = run.Config.SourceFile;
        var name = "assay-" + Path.GetFileNameWithoutExtension(pipeline);
        var pending = Enumerable.Range(0, run.Tasks).Where(t => !run.IsDone(t)).ToList();
        var statsPath = Path.Combine(layout.Folder, PipelineStats.FileName);
        File.Delete(statsPath); // the merge job rewrites it; its presence afterwards is the success signal

        var jobs = new List<string>();
        string? arrayJob = null;
        try
        {
            if (pending.Count > 0)
            {
                var script = Path.Combine(dir, "tasks.sbatch");
                File.WriteAllText(script, SlurmScripts.Tasks(options, name, logs, run.Config.BaseDirectory, pipeline, run.Tasks, pending));
                arrayJob = Submit(script);
                jobs.Add(arrayJob);
            }
            var mergeScript = Path.Combine(dir, "merge.sbatch");
            File.WriteAllText(mergeScript, SlurmScripts.Merge(options, name, logs, run.Config.BaseDirectory, pipeline, run.Tasks));
            var mergeJob = arrayJob is null ? Submit(mergeScript) : Submit(mergeScript, $"--dependency=afterok:{arrayJob}", "--kill-on-invalid-dep=yes");
            jobs.Add(mergeJob);

            while (true)
            {
                ct.ThrowIfCancellationRequested();
                var (exit, output, err) = ProcessRunner.Run("squeue", "-h", "-j", string.Join(',', jobs), "-o", "%i %T %r");
                if (exit != 0 && !err.Contains("Invalid job id", StringComparison.Ordinal))
                    throw new InvalidOperationException($"squeue failed: {err.Trim()}");
                progress?.Report(new ProgressInfo("tasks", Enumerable.Range(0, run.Tasks).Count(run.IsDone), run.Tasks, "tasks"));
                var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                if (lines.Length == 0) break;
                if (lines.Any(l => l.Contains("DependencyNeverSatisfied", StringComparison.Ordinal)))
                {
                    ProcessRunner.Run("scancel", mergeJob);
                    break;
                }
                Thread.Sleep(options.Poll);
            }
        }
        catch (OperationCanceledException)
        {
            if (jobs.Count > 0) ProcessRunner.Run("scancel", [.. jobs]);
            throw;
        }

        var failed = Enumerable.Range(0, run.Tasks).Where(t => !run.IsDone(t)).ToList();
        if (failed.Count > 0)
            throw new InvalidOperationException(
                $"{failed.Count} of {run.Tasks} Slurm tasks did not finish ({string.Join(", ", failed.Take(10))}); logs: {logs}/task-<i>.out" +
                LogTail(Path.Combine(logs, $"task-{failed[0]}.out")));
        if (!File.Exists(statsPath))
            throw new InvalidOperationException($"the Slurm merge job did not finish; log: {logs}/merge.out" + LogTail(Path.Combine(logs, "merge.out")));
        var stats = MarkerJson.Read<PipelineStats>(statsPath);
        return new RunSummary(pending.Count, run.Tasks - pending.Count, 0, stats, clock.Elapsed);
    }

    private string Submit(string script, params string[] extra)
    {
        var (exit, output, err) = ProcessRunner.Run("sbatch", ["--parsable", .. extra, script]);
        if (exit != 0) throw new InvalidOperationException($"sbatch {Path.GetFileName(script)} failed: {err.Trim()}");
        var id = output.Trim().Split(';')[0]; // "JOBID" or "JOBID;CLUSTER"
        if (id.Length == 0 || !id.All(char.IsDigit)) throw new InvalidOperationException($"sbatch printed '{output.Trim()}', not a job id");
        return id;
    }

    private static string LogTail(string path)
    {
        if (!File.Exists(path)) return "";
        var lines = File.ReadAllLines(path);
        return " — last lines: " + string.Join(" | ", lines.TakeLast(5));
    }
}
