using System.Diagnostics;
using Assay.Core.Progress;
using Assay.Curation.Pipeline;

namespace Assay.Curation.Executors;

/// <summary>
/// Runs a pipeline as Slurm jobs: an array job over the tasks not yet done (each element runs the
/// same <c>assay</c> with <c>--task $SLURM_ARRAY_TASK_ID --tasks N</c>), and a merge job with
/// <c>--dependency=afterok</c> on it. With barrier steps, every stage not yet done is its own job
/// (an array, or one job for a reduce, adding <c>--stage S</c>), each <c>afterok</c> on the one before;
/// only the merge job deletes <c>.stages/</c>, after the output is complete. Waits by polling <c>squeue</c>; completion is judged by the
/// markers and stats.json the jobs leave, not by Slurm accounting (often not configured).
/// </summary>
public sealed class SlurmExecutor(SlurmOptions options)
{
    public RunSummary Run(PipelineRun run, IProgress<ProgressInfo>? progress = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var stages = PipelineStages.Of(run);
        // Merged before and .stages/ removed: every stage is done and stats.json is final, so submit nothing and delete nothing.
        if (stages.Finished)
            return new RunSummary(0, stages.All.Sum(s => stages.Units(s).Count), 0, PipelineMerger.Merge(run), clock.Elapsed);
        var layout = run.Layout;
        var dir = Path.Combine(layout.Tasks, "slurm");
        var logs = Path.Combine(dir, "logs");
        Directory.CreateDirectory(logs);
        var pipeline = run.Config.SourceFile;
        var name = "assay-" + Path.GetFileNameWithoutExtension(pipeline);
        var statsPath = Path.Combine(layout.Folder, PipelineStats.FileName);
        File.Delete(statsPath); // the merge job rewrites it; its presence afterwards is the success signal

        var jobs = new List<string>();
        string? last = null;
        int submitted = 0, units = 0;
        string[] After(string? job) => job is null ? [] : [$"--dependency=afterok:{job}", "--kill-on-invalid-dep=yes"];
        try
        {
            if (!stages.HasBarriers)
            {
                var pending = Enumerable.Range(0, run.Tasks).Where(t => !run.IsDone(t)).ToList();
                units = run.Tasks;
                submitted = pending.Count;
                if (pending.Count > 0)
                {
                    var script = Path.Combine(dir, "tasks.sbatch");
                    File.WriteAllText(script, SlurmScripts.Tasks(options, name, logs, run.Config.BaseDirectory, pipeline, run.Tasks, pending));
                    jobs.Add(last = Submit(script));
                }
            }
            else
            {
                // One job per stage, each after the one before: a segment's plan is its predecessor's output.
                foreach (var stage in stages.All)
                {
                    var pending = stages.Pending(stage);
                    units += stages.Units(stage).Count;
                    submitted += pending.Count;
                    if (pending.Count == 0) continue;
                    var script = Path.Combine(dir, $"stage-{stage.Index}.sbatch");
                    File.WriteAllText(script, SlurmScripts.Stage(options, name, logs, run.Config.BaseDirectory, pipeline, run.Tasks, stage.Index, stage.Parallel ? pending : null));
                    jobs.Add(last = Submit(script, After(last)));
                }
            }
            var mergeScript = Path.Combine(dir, "merge.sbatch");
            File.WriteAllText(mergeScript, SlurmScripts.Merge(options, name, logs, run.Config.BaseDirectory, pipeline, run.Tasks, run.Config.KeepStages));
            jobs.Add(Submit(mergeScript, After(last)));
            int Done() => stages.HasBarriers
                ? stages.All.Sum(s => stages.Units(s).Count(t => stages.IsDone(s, t)))
                : Enumerable.Range(0, run.Tasks).Count(run.IsDone);
            Wait(jobs, () => progress?.Report(new ProgressInfo("tasks", Done(), units, "tasks")), ct);
        }
        catch (OperationCanceledException)
        {
            if (jobs.Count > 0) ProcessRunner.Run("scancel", [.. jobs]);
            throw;
        }

        if (!stages.HasBarriers)
        {
            var failed = Enumerable.Range(0, run.Tasks).Where(t => !run.IsDone(t)).ToList();
            if (failed.Count > 0)
                throw new InvalidOperationException(
                    $"{failed.Count} of {run.Tasks} Slurm tasks did not finish ({string.Join(", ", failed.Take(10))}); logs: {logs}/task-<i>.out" +
                    LogTail(Path.Combine(logs, $"task-{failed[0]}.out")));
        }
        else if (stages.All.FirstOrDefault(s => stages.Pending(s).Count > 0) is { } stuck)
        {
            var failed = stages.Pending(stuck);
            var log = stuck.Parallel ? $"stage-{stuck.Index}-task-{failed[0]}.out" : $"stage-{stuck.Index}.out";
            throw new InvalidOperationException(
                $"{failed.Count} of {stages.Units(stuck).Count} Slurm tasks of stage {stuck.Index} ({stuck.Name}) did not finish ({string.Join(", ", failed.Take(10))}); log: {logs}/{log}" +
                LogTail(Path.Combine(logs, log)));
        }
        if (!File.Exists(statsPath))
            throw new InvalidOperationException($"the Slurm merge job did not finish; log: {logs}/merge.out" + LogTail(Path.Combine(logs, "merge.out")));
        var stats = MarkerJson.Read<PipelineStats>(statsPath);
        return new RunSummary(submitted, units - submitted, 0, stats, clock.Elapsed);
    }

    /// <summary>Polls squeue until none of the jobs is left; a job whose dependency failed is never run, so it and the rest are cancelled.</summary>
    private void Wait(List<string> jobs, Action report, CancellationToken ct)
    {
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var (exit, output, err) = ProcessRunner.Run("squeue", "-h", "-j", string.Join(',', jobs), "-o", "%i %T %r");
            if (exit != 0 && !err.Contains("Invalid job id", StringComparison.Ordinal))
                throw new InvalidOperationException($"squeue failed: {err.Trim()}");
            report();
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (lines.Length == 0) break;
            if (lines.Any(l => l.Contains("DependencyNeverSatisfied", StringComparison.Ordinal)))
            {
                ProcessRunner.Run("scancel", [.. jobs]);
                break;
            }
            Thread.Sleep(options.Poll);
        }
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
