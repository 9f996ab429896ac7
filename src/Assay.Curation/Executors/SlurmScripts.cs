using System.Text;

namespace Assay.Curation.Executors;

/// <summary>The sbatch scripts of a run: one array job over the pending tasks (one job per stage with barrier steps), one merge job after it.</summary>
public static class SlurmScripts
{
    public static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";

    /// <summary>Compact array spec: 0-3,5,7-9 (then %K to cap parallelism).</summary>
    public static string ArraySpec(IReadOnlyList<int> tasks, int? maxParallel)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < tasks.Count;)
        {
            int j = i;
            while (j + 1 < tasks.Count && tasks[j + 1] == tasks[j] + 1) j++;
            if (sb.Length > 0) sb.Append(',');
            sb.Append(i == j ? $"{tasks[i]}" : $"{tasks[i]}-{tasks[j]}");
            i = j + 1;
        }
        if (maxParallel is int k) sb.Append('%').Append(k);
        return sb.ToString();
    }

    public static string Tasks(SlurmOptions o, string jobName, string logs, string workDir, string pipeline, int tasks, IReadOnlyList<int> pending) =>
        Header(o, jobName + "-tasks", Path.Combine(logs, "task-%a.out"), workDir)
        + $"#SBATCH --array={ArraySpec(pending, o.MaxParallel)}\n"
        + "set -euo pipefail\n"
        + $"exec {o.AssayCommand} run {Quote(pipeline)} --task \"$SLURM_ARRAY_TASK_ID\" --tasks {tasks}\n";

    /// <summary>
    /// One stage of a pipeline with barrier steps: an array over the stage's pending tasks, or (a
    /// barrier's reduce, <paramref name="pending"/> null) a single job; <c>--stage</c> picks the stage.
    /// </summary>
    public static string Stage(SlurmOptions o, string jobName, string logs, string workDir, string pipeline, int tasks, int stage, IReadOnlyList<int>? pending) =>
        Header(o, $"{jobName}-stage{stage}", Path.Combine(logs, pending is null ? $"stage-{stage}.out" : $"stage-{stage}-task-%a.out"), workDir)
        + (pending is null ? "" : $"#SBATCH --array={ArraySpec(pending, o.MaxParallel)}\n")
        + "set -euo pipefail\n"
        + $"exec {o.AssayCommand} run {Quote(pipeline)} --stage {stage}{(pending is null ? "" : " --task \"$SLURM_ARRAY_TASK_ID\"")} --tasks {tasks}\n";

    /// <summary>The merge job; it deletes <c>.stages/</c> when done unless <paramref name="keepStages"/> (the YAML's own <c>keep_stages</c> is read by the job).</summary>
    public static string Merge(SlurmOptions o, string jobName, string logs, string workDir, string pipeline, int tasks, bool keepStages = false) =>
        Header(o, jobName + "-merge", Path.Combine(logs, "merge.out"), workDir)
        + "set -euo pipefail\n"
        + $"exec {o.AssayCommand} run {Quote(pipeline)} --merge --tasks {tasks}{(keepStages ? " --keep-stages" : "")}\n";

    private static string Header(SlurmOptions o, string name, string log, string workDir)
    {
        var sb = new StringBuilder("#!/bin/bash\n");
        sb.Append($"#SBATCH --job-name={name}\n");
        sb.Append($"#SBATCH --output={log}\n");
        sb.Append($"#SBATCH --chdir={workDir}\n");
        sb.Append($"#SBATCH --cpus-per-task={o.CpusPerTask}\n");
        if (o.MemoryMbPerTask is int mem) sb.Append($"#SBATCH --mem={mem}M\n");
        if (o.Partition is not null) sb.Append($"#SBATCH --partition={o.Partition}\n");
        if (o.TimeLimit is not null) sb.Append($"#SBATCH --time={o.TimeLimit}\n");
        return sb.ToString();
    }
}
