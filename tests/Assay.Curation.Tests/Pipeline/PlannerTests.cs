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
        var plan = Planner.Plan(PipelineRun.ForPlanning(config), "local", workers: 2, maxRecordsPerItem: 1000, ct: TestContext.Current.CancellationToken);
        Assert.False(Directory.Exists(d["out"]));

        Assert.InRange(plan.SampledRecords, 2000, 9000); // up to 1000 from each sampled work item
        Assert.InRange(plan.EstimatedRecords, 9000 * 0.7, 9000 * 1.3);
        Assert.Equal(["tasks", "merge"], plan.Stages.Select(s => s.Name));
        Assert.True(plan.Stages[0].WallSeconds > 0 && plan.Stages[0].RamBytes > 0 && plan.Stages[0].DiskBytes > 0);
        var minLength = plan.Steps.Single(s => s.Step == "test_min_length_v1");
        Assert.InRange(minLength.KeptFraction, 0.2, 0.95);

        // The measured kept share predicts the real run's kept bytes within a loose margin.
        var stats = new LocalExecutor(2).Run(PipelineRun.Prepare(config), ct: TestContext.Current.CancellationToken).Stats!;
        var removedBytes = Directory.GetFiles(Path.Combine(d["out"], "removed"), "part-*").Sum(f => new FileInfo(f).Length);
        Assert.InRange(plan.Stages[0].DiskBytes, (stats.KeptBytes + removedBytes) * 0.7, (stats.KeptBytes + removedBytes) * 1.3);

        var slurm = Planner.Plan(PipelineRun.ForPlanning(config), "slurm", workers: 1, maxRecordsPerItem: 1000, ct: TestContext.Current.CancellationToken);
        Assert.Contains("array tasks", slurm.Stages[0].Note);
    }

    [Fact]
    public void Plan_costs_each_barrier_for_the_records_expected_to_reach_it()
    {
        using var d = new TempDir();
        TestData.WriteInputs(d.Path, 3000, 500, 500);
        var yaml = TestData.Yaml("out", "tasks: 4")
            .Replace("  - type: test_replace_v1\n", "  - type: dedup_exact_v1\n  - type: test_replace_v1\n", StringComparison.Ordinal)
            .Replace("  - type: test_digit_v1\n", "  - type: test_digit_v1\n  - type: dedup_minhash_v1\n  - type: dedup_substring_v1\n", StringComparison.Ordinal);
        var plan = Planner.Plan(PipelineRun.ForPlanning(TestData.Config(d.Path, yaml)), "local", workers: 2, maxRecordsPerItem: 500, ct: TestContext.Current.CancellationToken);
        Assert.False(Directory.Exists(d["out"]));
        Assert.Equal(["tasks", "dedup_exact_v1:map", "dedup_exact_v1:reduce", "dedup_exact_v1:apply", "dedup_minhash_v1:map", "dedup_minhash_v1:reduce",
                      "dedup_minhash_v1:apply", "dedup_substring_v1:map", "dedup_substring_v1:reduce", "dedup_substring_v1:apply", "merge"],
            plan.Stages.Select(s => s.Name));
        var exact = plan.Stages.Single(s => s.Name == "dedup_exact_v1:reduce");
        var minhash = plan.Stages.Single(s => s.Name == "dedup_minhash_v1:reduce");
        Assert.True(exact.RamBytes > 0 && exact.DiskBytes > 0 && exact.WallSeconds > 0);
        // MinHash's files (1 KiB of signature per record at 128 permutations) dwarf exact's 56-byte keys.
        Assert.True(minhash.DiskBytes > exact.DiskBytes);
        Assert.Contains("bands", minhash.Note);
        // Suffix-array parts hold ~24 bytes per byte of text: more RAM than exact's per-record keys.
        Assert.True(plan.Stages.Single(s => s.Name == "dedup_substring_v1:reduce").RamBytes > exact.RamBytes);
    }
    [Fact]
    public void Records_are_estimated_by_bytes_when_short_and_long_records_come_in_separate_parts()
    {
        // A concatenation: 30,000 short records, then 300 long ones. Reading a fixed number of records per
        // work item would weigh the long part's items by their record count and estimate ~9k records.
        using var d = new TempDir();
        using (var w = new Assay.Core.IO.ShardWriter(Path.Combine(d.Path, "in", "web", "a.jsonl")))
        {
            for (int i = 0; i < 30_000; i++) w.Write(new Record($"s{i}", "short text " + i));
            for (int i = 0; i < 300; i++) w.Write(new Record($"l{i}", string.Join(' ', Enumerable.Repeat("a long document", 250)) + i));
            w.Complete();
        }
        TestData.WriteShard(Path.Combine(d.Path, "in", "books", "c.jsonl"), "c", 10); // 10 more records
        var config = TestData.Config(d.Path, TestData.Yaml("out", "tasks: 4"));
        var plan = Planner.Plan(PipelineRun.ForPlanning(config), "local", workers: 2, bytesPerItem: 32 << 10, ct: TestContext.Current.CancellationToken);
        Assert.InRange(plan.EstimatedRecords, 30_310 * 0.8, 30_310 * 1.2);
    }
}
