using Assay.Curation.Executors;
using Assay.Curation.Pipeline;

namespace Assay.Curation.Tests.Pipeline;

public sealed class PlannerTests
{
    [Fact]
    public void Plan_estimates_from_a_sample_without_touching_the_output()
    {
        using var d = new TempDir();
        TestData.WriteInputs(d.Path, 6000, 1500, 1500);
        var config = TestData.Config(d.Path, TestData.Yaml("out", "tasks: 4"));
        var plan = Planner.Plan(PipelineRun.ForPlanning(config), "local", workers: 2, recordsPerShard: 1000, ct: TestContext.Current.CancellationToken);
        Assert.False(Directory.Exists(d["out"]));

        Assert.InRange(plan.SampledRecords, 2000, 3000); // up to 1000 from each shard (the plain one: its first 64 KB range)
        Assert.InRange(plan.EstimatedRecords, 9000 * 0.7, 9000 * 1.3);
        Assert.Equal(["tasks", "merge"], plan.Stages.Select(s => s.Name));
        Assert.True(plan.Stages[0].WallSeconds > 0 && plan.Stages[0].RamBytes > 0 && plan.Stages[0].DiskBytes > 0);
        var minLength = plan.Steps.Single(s => s.Step == "test_min_length_v1");
        Assert.InRange(minLength.KeptFraction, 0.2, 0.95);

        // The measured kept share predicts the real run's kept bytes within a loose margin.
        var stats = new LocalExecutor(2).Run(PipelineRun.Prepare(config), ct: TestContext.Current.CancellationToken).Stats!;
        var removedBytes = Directory.GetFiles(Path.Combine(d["out"], "removed"), "part-*").Sum(f => new FileInfo(f).Length);
        Assert.InRange(plan.Stages[0].DiskBytes, (stats.KeptBytes + removedBytes) * 0.7, (stats.KeptBytes + removedBytes) * 1.3);

        var slurm = Planner.Plan(PipelineRun.ForPlanning(config), "slurm", workers: 1, recordsPerShard: 1000, ct: TestContext.Current.CancellationToken);
        Assert.Contains("array tasks", slurm.Stages[0].Note);
    }
}
