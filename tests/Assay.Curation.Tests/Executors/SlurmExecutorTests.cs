using Assay.Curation.Executors;
using Assay.Curation.Pipeline;
using Assay.Curation.Tests.Pipeline;

namespace Assay.Curation.Tests.Executors;

/// <summary>
/// Runs a pipeline on a real Slurm (ci/slurm/start.sh makes a one-node cluster) and locally, and
/// requires byte-identical datasets. Needs ASSAY_SLURM_TESTS=1 and sbatch on PATH.
/// </summary>
public sealed class SlurmExecutorTests
{
    /// <summary>Slurm jobs run this test executable as the pipeline runner (see <see cref="ChildProcess"/>).</summary>
    private static SlurmOptions ChildOptions()
    {
        var (file, prefix) = ChildProcess.Self();
        var command = $"env {ChildProcess.Variable}=1 " + string.Join(' ', new[] { file }.Concat(prefix).Select(SlurmScripts.Quote));
        return new SlurmOptions { AssayCommand = command, Poll = TimeSpan.FromSeconds(1) };
    }

    [Fact]
    public void Slurm_array_run_equals_local_run()
    {
        Assert.SkipWhen(Environment.GetEnvironmentVariable("ASSAY_SLURM_TESTS") is null, "set ASSAY_SLURM_TESTS=1 after ci/slurm/start.sh");
        var ct = TestContext.Current.CancellationToken;
        // Slurm jobs read and write the same paths: use a folder every node sees (one node here).
        using var d = new TempDir();
        TestData.WriteInputs(d.Path, 3000, 600, 600);
        new LocalExecutor(2).Run(PipelineRun.Prepare(TestData.Config(d.Path, TestData.Yaml("local", "tasks: 4", "zstd", 400))), ct: ct);

        var slurmConfig = TestData.Config(d.Path, TestData.Yaml("slurm", "tasks: 4", "zstd", 400));
        var summary = new SlurmExecutor(ChildOptions())
            .Run(PipelineRun.Prepare(slurmConfig), ct: ct);

        Assert.Equal(4, summary.TasksRun);
        Assert.Equal(4200, summary.Stats!.Input);
        Assert.True(File.Exists(Path.Combine(d["slurm"], ".tasks", "slurm", "logs", "task-3.out")));
        TestData.AssertSameFiles(d["local"], d["slurm"]);

        // A second submission finds every task done and only merges.
        var again = new SlurmExecutor(ChildOptions())
            .Run(PipelineRun.Prepare(slurmConfig), ct: ct);
        Assert.Equal((0, 4), (again.TasksRun, again.TasksSkipped));
    }

    /// <summary>
    /// With dedup barriers each stage is its own job (arrays for per-record segments and map
    /// phases, single jobs for reduces), chained by afterok; the bytes equal the local run's.
    /// </summary>
    [Fact]
    public void Slurm_stage_jobs_with_dedup_barriers_equal_local_run()
    {
        Assert.SkipWhen(Environment.GetEnvironmentVariable("ASSAY_SLURM_TESTS") is null, "set ASSAY_SLURM_TESTS=1 after ci/slurm/start.sh");
        var ct = TestContext.Current.CancellationToken;
        using var d = new TempDir();
        TestData.WriteInputs(d.Path, 1500, 300, 300);
        string Yaml(string output) => TestData.Yaml(output, "tasks: 3", "zstd", 400)
            .Replace("  - type: test_min_length_v1\n", "  - type: dedup_exact_v1\n  - type: test_min_length_v1\n", StringComparison.Ordinal)
            .Replace("  - type: test_digit_v1\n", "  - type: dedup_minhash_v1\n    ngram: 2\n  - type: dedup_substring_v1\n    min_length: 20\n  - type: dedup_lines_v1\n    min_words: 1\n  - type: test_digit_v1\n", StringComparison.Ordinal);
        var local = new LocalExecutor(2).Run(PipelineRun.Prepare(TestData.Config(d.Path, Yaml("local"))), ct: ct);

        var slurmRun = PipelineRun.Prepare(TestData.Config(d.Path, Yaml("slurm")));
        var summary = new SlurmExecutor(ChildOptions()).Run(slurmRun, ct: ct);

        // 5 segments × 3 tasks + 3 maps × 3 tasks (hashes, signatures, suffix-array parts) + 4 reduces.
        Assert.Equal(28, summary.TasksRun);
        Assert.Equal(local.Stats!.Steps.Select(s => (s.Step, s.In, s.Kept)), summary.Stats!.Steps.Select(s => (s.Step, s.In, s.Kept)));
        Assert.True(summary.Stats.Steps.Single(s => s.Step == "dedup_exact_v1").RemovedTotal > 0);
        var logs = Path.Combine(d["slurm"], ".tasks", "slurm", "logs");
        Assert.True(File.Exists(Path.Combine(logs, "stage-1-task-2.out")) && File.Exists(Path.Combine(logs, "stage-2.out")));
        // The merge job, and only it, deleted .stages/ once the output was complete, as the local run's merge did.
        Assert.False(Directory.Exists(Path.Combine(d["slurm"], ".stages")));
        TestData.AssertSameFiles(d["local"], d["slurm"]);

        // A second submission finds the run finished: no job, no file touched.
        var stats = File.ReadAllBytes(Path.Combine(d["slurm"], PipelineStats.FileName));
        var again = new SlurmExecutor(ChildOptions()).Run(PipelineRun.Prepare(TestData.Config(d.Path, Yaml("slurm"))), ct: ct);
        Assert.Equal((0, 28), (again.TasksRun, again.TasksSkipped));
        Assert.Equal(stats, File.ReadAllBytes(Path.Combine(d["slurm"], PipelineStats.FileName)));
        TestData.AssertSameFiles(d["local"], d["slurm"]);
    }

    [Fact]
    public void A_failed_array_task_fails_the_run_with_its_log_and_skips_the_merge()
    {
        Assert.SkipWhen(Environment.GetEnvironmentVariable("ASSAY_SLURM_TESTS") is null, "set ASSAY_SLURM_TESTS=1 after ci/slurm/start.sh");
        var ct = TestContext.Current.CancellationToken;
        using var d = new TempDir();
        TestData.WriteShard(d["in/a.jsonl"], "a", 100);
        Directory.CreateDirectory(d["in"]);
        File.WriteAllText(d["in/b.jsonl"], "{\"id\":\"b1\",\"text\":\"fine\"}\nnot json\n");
        var config = TestData.Config(d.Path, "input: in\noutput: out\ntasks: 2\nsteps:\n  - type: test_words_v1\n");
        var e = Assert.Throws<InvalidOperationException>(() =>
            new SlurmExecutor(ChildOptions()).Run(PipelineRun.Prepare(config), ct: ct));
        Assert.Contains("1 of 2 Slurm tasks did not finish (1)", e.Message);
        Assert.Contains("b.jsonl", e.Message); // the failing task's log names the bad file
        Assert.False(File.Exists(Path.Combine(d["out"], "stats.json")));
    }

    [Fact]
    public void Array_spec_compresses_task_lists()
    {
        Assert.Equal("0-3,5,7-9%2", SlurmScripts.ArraySpec([0, 1, 2, 3, 5, 7, 8, 9], 2));
        Assert.Equal("4", SlurmScripts.ArraySpec([4], null));
    }

    [Fact]
    public void Task_script_runs_the_same_binary_per_array_element()
    {
        var o = new SlurmOptions { AssayCommand = "/opt/assay/assay", MemoryMbPerTask = 2048 };
        var s = SlurmScripts.Tasks(o, "assay-web", "/out/logs", "/work", "/work/p.yaml", 8, [0, 1, 2, 3, 4, 5, 6, 7]);
        Assert.Contains("#SBATCH --array=0-7\n", s);
        Assert.Contains("#SBATCH --mem=2048M\n", s);
        Assert.Contains("exec /opt/assay/assay run '/work/p.yaml' --task \"$SLURM_ARRAY_TASK_ID\" --tasks 8\n", s);
        Assert.Contains("--merge --tasks 8\n", SlurmScripts.Merge(o, "assay-web", "/out/logs", "/work", "/work/p.yaml", 8));
        Assert.Contains("--merge --tasks 8 --keep-stages\n", SlurmScripts.Merge(o, "assay-web", "/out/logs", "/work", "/work/p.yaml", 8, keepStages: true));
    }

    [Fact]
    public void Stage_scripts_name_the_stage_and_run_reduces_as_single_jobs()
    {
        var o = new SlurmOptions { AssayCommand = "/opt/assay/assay" };
        var array = SlurmScripts.Stage(o, "assay-web", "/out/logs", "/work", "/work/p.yaml", 4, 1, [0, 2, 3]);
        Assert.Contains("#SBATCH --array=0,2-3\n", array);
        Assert.Contains("#SBATCH --output=/out/logs/stage-1-task-%a.out\n", array);
        Assert.Contains("exec /opt/assay/assay run '/work/p.yaml' --stage 1 --task \"$SLURM_ARRAY_TASK_ID\" --tasks 4\n", array);
        var single = SlurmScripts.Stage(o, "assay-web", "/out/logs", "/work", "/work/p.yaml", 4, 2, null);
        Assert.DoesNotContain("--array", single);
        Assert.Contains("exec /opt/assay/assay run '/work/p.yaml' --stage 2 --tasks 4\n", single);
    }
}
