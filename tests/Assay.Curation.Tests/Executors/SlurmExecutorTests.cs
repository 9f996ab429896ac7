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
        var (file, prefix) = ChildProcess.Self();
        var command = $"env {ChildProcess.Variable}=1 " + string.Join(' ', new[] { file }.Concat(prefix).Select(SlurmScripts.Quote));
        var summary = new SlurmExecutor(new SlurmOptions { AssayCommand = command, Poll = TimeSpan.FromSeconds(1) })
            .Run(PipelineRun.Prepare(slurmConfig), ct: ct);

        Assert.Equal(4, summary.TasksRun);
        Assert.Equal(4200, summary.Stats!.Input);
        Assert.True(File.Exists(Path.Combine(d["slurm"], ".tasks", "slurm", "logs", "task-3.out")));
        TestData.AssertSameFiles(d["local"], d["slurm"]);

        // A second submission finds every task done and only merges.
        var again = new SlurmExecutor(new SlurmOptions { AssayCommand = command, Poll = TimeSpan.FromSeconds(1) })
            .Run(PipelineRun.Prepare(slurmConfig), ct: ct);
        Assert.Equal((0, 4), (again.TasksRun, again.TasksSkipped));
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
        var (file, prefix) = ChildProcess.Self();
        var command = $"env {ChildProcess.Variable}=1 " + string.Join(' ', new[] { file }.Concat(prefix).Select(SlurmScripts.Quote));
        var e = Assert.Throws<InvalidOperationException>(() =>
            new SlurmExecutor(new SlurmOptions { AssayCommand = command, Poll = TimeSpan.FromSeconds(1) }).Run(PipelineRun.Prepare(config), ct: ct));
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
        Assert.Contains("--merge --tasks 8", SlurmScripts.Merge(o, "assay-web", "/out/logs", "/work", "/work/p.yaml", 8));
    }
}
