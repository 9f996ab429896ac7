using System.Text.Json.Nodes;
using Assay.Core.Datasets;
using Assay.Core.IO;
using Assay.Core.Records;
using Assay.Curation.Executors;
using Assay.Curation.Pipeline;

namespace Assay.Curation.Tests.Pipeline;

public sealed class PipelineEngineTests
{
    private static RunSummary Run(PipelineConfig config, int workers = 2, int? tasks = null) =>
        new LocalExecutor(workers).Run(PipelineRun.Prepare(config, tasks), "assay run pipeline.yaml", ct: TestContext.Current.CancellationToken);

    [Fact]
    public void Runs_steps_and_accounts_for_every_record()
    {
        using var d = new TempDir();
        TestData.WriteInputs(d.Path);
        var config = TestData.Config(d.Path, TestData.Yaml("out", "tasks: 3"));
        var run = PipelineRun.Prepare(config);
        Assert.True(run.Plan.Items.Count > 3, "the plain shard should be split into byte ranges");
        var summary = new LocalExecutor(2).Run(run, "assay run pipeline.yaml", ct: TestContext.Current.CancellationToken);
        var s = summary.Stats!;

        Assert.Equal(4600, s.Input);
        Assert.Equal(["test_words_v1", "test_min_length_v1", "test_replace_v1", "test_digit_v1"], s.Steps.Select(x => x.Step));
        Assert.Equal(s.Input, s.Kept + s.Removed);
        Assert.True(s.Steps[1].Removed["min_length:too_short"] > 100);
        Assert.True(s.Steps[3].Removed["digit:seven"] > 10);
        Assert.True(s.Steps[2].ChangedRecords > 10);
        Assert.True(s.Steps[2].ChangedChars >= s.Steps[2].ChangedRecords * 3 && s.Steps[2].ChangedChars % 3 == 0); // 3 chars per "foo"

        var kept = DatasetInput.Resolve(d["out"]);
        var keptRecords = DatasetReader.Read(kept).ToList();
        Assert.Equal(s.Kept, keptRecords.Count);
        Assert.All(keptRecords, r => Assert.True(r.Text.Length >= 20 && !r.Text.Contains('7') && !r.Text.Contains("foo")));
        Assert.Equal(new HashSet<string> { "web", "books" }, keptRecords.Select(r => r.Source!).ToHashSet());
        Assert.Equal("cc-by", kept.Manifest!.Sources.Single(x => x.Name == "web").License);
        Assert.Equal(config.ConfigHash, kept.Manifest.Lineage!.ConfigHash);
        Assert.Equal(2, kept.Manifest.Lineage.Inputs.Count);
        Assert.All(kept.Manifest.Lineage.Inputs, i => Assert.StartsWith("sha256:", i.Checksum));

        var removed = DatasetReader.Read(d["out/removed"]).ToList();
        Assert.Equal(s.Removed, removed.Count);
        Assert.All(removed, r => Assert.NotNull(r.GetMetaString("reason")));
        Assert.Contains(removed, r => r.GetMetaString("removed_by") == "test_min_length_v1" && r.GetMetaString("reason") == "min_length:too_short");

        // Every input id is in exactly one of kept/removed.
        var all = keptRecords.Concat(removed).Select(r => r.Id).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(4600, all.Count);

        // Signals: sampled before and after; after min_length no kept record is under 20 chars.
        Assert.True(s.Signals["test_min_length_v1.chars"].After!.Min >= 20);
        Assert.True(s.Signals["test_min_length_v1.chars"].Before!.Min < 20);
        Assert.Contains(s.Examples, e => e.Reason == "digit:starts_x");
        var statsJson = JsonNode.Parse(File.ReadAllText(d["out/stats.json"]))!;
        Assert.Equal(s.Kept, (long)statsJson["kept"]!);
    }

    [Fact]
    public void Output_is_identical_for_any_worker_count_and_compression_is_honoured()
    {
        using var d = new TempDir();
        TestData.WriteInputs(d.Path, 1500, 300, 300);
        Run(TestData.Config(d.Path, TestData.Yaml("w1", "tasks: 5", "zstd", checkpointRecords: 200)), workers: 1);
        Run(TestData.Config(d.Path, TestData.Yaml("w4", "tasks: 5", "zstd", checkpointRecords: 200)), workers: 4);
        Assert.NotEmpty(Directory.GetFiles(d["w1"], "part-*.jsonl.zst"));
        TestData.AssertSameFiles(d["w1"], d["w4"]);
    }

    [Fact]
    public void Rerun_skips_finished_tasks_and_redoes_only_a_missing_one()
    {
        using var d = new TempDir();
        TestData.WriteInputs(d.Path, 1000, 200, 200);
        var config = TestData.Config(d.Path, TestData.Yaml("out", "tasks: 4"));
        var first = Run(config);
        Assert.Equal((4, 0), (first.TasksRun, first.TasksSkipped));
        var before = TestData.DataFiles(d["out"]);

        var again = Run(config);
        Assert.Equal((0, 4), (again.TasksRun, again.TasksSkipped));

        File.Delete(Path.Combine(d["out"], ".tasks", "00002.done.json"));
        Directory.Delete(Path.Combine(d["out"], ".tasks", "00002"), true);
        var third = Run(config);
        Assert.Equal((1, 3), (third.TasksRun, third.TasksSkipped));
        var after = TestData.DataFiles(d["out"]);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (k, v) in before) Assert.True(v.AsSpan().SequenceEqual(after[k]), k);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("gzip")]
    public void Resuming_after_any_chunk_gives_identical_bytes(string compression)
    {
        using var d = new TempDir();
        TestData.WriteInputs(d.Path, 1200, 400, 400);
        var reference = TestData.Config(d.Path, TestData.Yaml("ref", "tasks: 2", compression, checkpointRecords: 97));
        Run(reference);
        // Simulate crashes after chunk k of task 0: drop the done marker and chunk markers from k on.
        foreach (int keep in new[] { 0, 1, 5, 10 })
        {
            var name = $"r{keep}";
            var config = TestData.Config(d.Path, TestData.Yaml(name, "tasks: 2", compression, checkpointRecords: 97));
            Run(config);
            var tasksDir = Path.Combine(d[name], ".tasks");
            File.Delete(Path.Combine(tasksDir, "00000.done.json"));
            var chunks = Directory.GetFiles(Path.Combine(tasksDir, "00000"), "chunk-*.json").Order(StringComparer.Ordinal).ToList();
            Assert.True(chunks.Count > keep, $"{chunks.Count} chunks");
            foreach (var c in chunks.Skip(keep)) File.Delete(c);
            // A half-written part of the next chunk, as a kill would leave it.
            File.WriteAllText(Path.Combine(d[name], OutputLayout.PartName(0, keep) + ShardFormat.Extension(config.Compression) + ".tmp"), "{\"id\":");
            var resumed = Run(config);
            Assert.Equal(1, resumed.TasksRun);
            Assert.Equal(keep > 0 ? 1 : 0, resumed.TasksResumed);
            foreach (var tmp in Directory.GetFiles(d[name], "*.tmp", SearchOption.AllDirectories)) File.Delete(tmp);
            TestData.AssertSameFiles(d["ref"], d[name]);
        }
    }

    [Fact]
    public void Bad_lines_fail_with_file_and_line_or_go_to_quarantine()
    {
        using var d = new TempDir();
        Directory.CreateDirectory(d["in"]);
        File.WriteAllText(d["in/a.jsonl"], "{\"id\":\"1\",\"text\":\"a long enough text here\"}\nnot json\n{\"id\":\"2\",\"text\":\"another long enough text\"}\n");
        var fail = TestData.Config(d.Path, "input: in\noutput: o1\nsteps:\n  - type: test_min_length_v1\n");
        var e = Assert.Throws<BadInputException>(() => Run(fail));
        Assert.Equal(2, e.Line);

        var q = TestData.Config(d.Path, "input: in\noutput: o2\non_error: quarantine\nsteps:\n  - type: test_min_length_v1\n");
        var s = Run(q).Stats!;
        Assert.Equal((2L, 1L, 2L), (s.Input, s.Quarantined, s.Kept));
        Assert.Equal("not json\n", File.ReadAllText(Path.Combine(d["o2"], "quarantine", "part-00000-00000.lines")));
    }

    [Fact]
    public void Output_of_another_config_is_never_mixed_in()
    {
        using var d = new TempDir();
        TestData.WriteInputs(d.Path, 200, 50, 50);
        Run(TestData.Config(d.Path, TestData.Yaml("out", "tasks: 2")));
        var e = Assert.Throws<InvalidOperationException>(() => PipelineRun.Prepare(TestData.Config(d.Path, TestData.Yaml("out", "tasks: 3"))));
        Assert.Contains("different run", e.Message);
        Directory.CreateDirectory(d["other"]);
        File.WriteAllText(d["other/notes.txt"], "mine");
        var e2 = Assert.Throws<InvalidOperationException>(() => PipelineRun.Prepare(TestData.Config(d.Path, TestData.Yaml("other"))));
        Assert.Contains("not empty", e2.Message);
    }

    [Fact]
    public void Merge_refuses_until_every_task_is_done()
    {
        using var d = new TempDir();
        TestData.WriteInputs(d.Path, 200, 50, 50);
        var run = PipelineRun.Prepare(TestData.Config(d.Path, TestData.Yaml("out", "tasks: 3")));
        new LocalExecutor(1).Run(run, "cmd", onlyTasks: [0, 2], merge: false, ct: TestContext.Current.CancellationToken);
        var e = Assert.Throws<InvalidOperationException>(() => PipelineMerger.Merge(run, "cmd"));
        Assert.Contains("1 of 3 tasks are not done (1)", e.Message);
        new LocalExecutor(1).Run(run, "cmd", onlyTasks: [1], merge: false, ct: TestContext.Current.CancellationToken);
        Assert.Equal(300, PipelineMerger.Merge(run, "cmd").Input);
    }

    [Fact]
    public void Sample_step_keeps_a_stable_fraction()
    {
        using var d = new TempDir();
        TestData.WriteInputs(d.Path, 2000, 10, 10);
        var s = Run(TestData.Config(d.Path, "input: in/web/a.jsonl\noutput: out\nseed: 3\nsteps:\n  - type: sample_v1\n    rate: 0.25\n")).Stats!;
        Assert.InRange(s.Kept, 420, 580);
        var again = Run(TestData.Config(d.Path, "input: in/web/a.jsonl\noutput: out2\nseed: 3\ntasks: 3\nsteps:\n  - type: sample_v1\n    rate: 0.25\n")).Stats!;
        Assert.Equal(s.Kept, again.Kept); // same records whatever the split
    }
}
