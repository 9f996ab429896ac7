using Assay.Core.Datasets;
using Assay.Core.Records;
using Assay.Curation.Dedup;
using Assay.Curation.Executors;
using Assay.Curation.Pipeline;

namespace Assay.Curation.Tests.Pipeline;

/// <summary>
/// Dedup steps as barriers of the curation pipeline: stages, equality with the dataset-level engine
/// (what <c>assay dedup</c> runs), accounting across barriers, and identical output for any worker count.
/// </summary>
public sealed class BarrierPipelineTests
{
    private static RunSummary Run(PipelineConfig config, int workers = 2) =>
        new LocalExecutor(workers).Run(PipelineRun.Prepare(config), ct: TestContext.Current.CancellationToken);

    private static string Yaml(string output, int tasks, string steps) =>
        $"input: in\noutput: {output}\ntasks: {tasks}\nsplit_bytes: 16KB\ncheckpoint:\n  records: 150\nsteps:\n{steps}";

    private const string ExactThenMinHash = "  - type: dedup_exact_v1\n  - type: dedup_minhash_v1\n";

    private static Dictionary<string, Record> ById(string folder) => DatasetReader.Read(folder).ToDictionary(r => r.Id, StringComparer.Ordinal);

    [Fact]
    public void Exact_and_minhash_barriers_decide_as_the_dataset_engine_does()
    {
        using var d = new TempDir();
        DedupCorpus.Write(d.Path, 600);
        var stats = Run(TestData.Config(d.Path, Yaml("out", 3, ExactThenMinHash))).Stats!;

        // Reference: the dataset-level engine, exact then MinHash on what exact kept.
        var exact = DatasetDedup.Run(DatasetInput.Resolve(d["in"]), d["ref1"], d["ref1-removed"], new DatasetDedupOptions { Method = DedupMethod.Exact });
        var minhash = DatasetDedup.Run(DatasetInput.Resolve(d["ref1"]), d["ref2"], d["ref2-removed"],
            new DatasetDedupOptions { Method = DedupMethod.MinHash, WorkDir = d["ref-work"] });
        Assert.True(exact.Counts.RemovedTotal > 50 && minhash.Counts.RemovedTotal > 50, "the corpus must plant both kinds of duplicates");

        Assert.Equal(ById(d["ref2"]).Keys.Order(StringComparer.Ordinal), ById(d["out"]).Keys.Order(StringComparer.Ordinal));
        var removed = ById(d["out/removed"]);
        var expected = ById(d["ref1-removed"]).Values.Concat(ById(d["ref2-removed"]).Values).ToList();
        Assert.Equal(expected.Count, removed.Count);
        foreach (var r in expected)
        {
            var mine = removed[r.Id];
            Assert.Equal("dedup_" + (r.GetMetaString("removed_by") == "dedup_exact" ? "exact" : "minhash") + "_v1", mine.GetMetaString("removed_by"));
            Assert.Equal(r.GetMetaString("duplicate_of"), mine.GetMetaString("duplicate_of"));
            Assert.Equal(r.GetMetaString("reason"), mine.GetMetaString("reason"));
        }

        Assert.Equal(["dedup_exact_v1", "dedup_minhash_v1"], stats.Steps.Select(s => s.Step));
        Assert.Equal(600, stats.Input);
        Assert.Equal(exact.Counts.RemovedTotal, stats.Steps[0].Removed["exact_duplicate"]);
        Assert.Equal(stats.Steps[0].Kept, stats.Steps[1].In);
        Assert.Equal(minhash.Counts.RemovedTotal, stats.Steps[1].Removed["near_duplicate"]);

        // clusters.jsonl: every removed record once, pointing at a kept record of its cluster.
        var lines = File.ReadAllLines(d["out/clusters.jsonl"]).Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!).ToList();
        var members = lines.Where(l => !(bool)l["kept"]!).ToDictionary(l => (string)l["id"]!, l => (string)l["cluster"]!);
        Assert.Equal(removed.Count, members.Count);
        foreach (var (id, cluster) in members) Assert.Equal(removed[id].GetMetaString("duplicate_of"), cluster);
        Assert.All(lines.Where(l => (bool)l["kept"]!), l => Assert.Equal((string)l["id"]!, (string)l["cluster"]!));

        // stats.json and the report: per barrier, clusters by size (a cluster of k removes k - 1) and the method's figures.
        var barriers = stats.Barriers!;
        Assert.Equal(["dedup_exact_v1", "dedup_minhash_v1"], barriers.Select(b => b.Step));
        Assert.Equal(removed.Count, barriers.Sum(b => b.ClusterSizes.Sum(kv => (kv.Key - 1) * kv.Value)));
        Assert.True(barriers[1].Details["bands"] * barriers[1].Details["rows"] <= 128);
        Assert.Contains("dedup_minhash_v1: duplicate clusters by size", File.ReadAllText(d["out/report.html"]));
    }

    [Fact]
    public void Output_is_byte_identical_for_any_worker_count_and_keeps_the_same_records_for_any_task_count()
    {
        using var d = new TempDir();
        DedupCorpus.Write(d.Path, 400);
        Run(TestData.Config(d.Path, Yaml("w1", 4, ExactThenMinHash)), workers: 1);
        Run(TestData.Config(d.Path, Yaml("w3", 4, ExactThenMinHash)), workers: 3);
        TestData.AssertSameFiles(d["w1"], d["w3"]);

        Run(TestData.Config(d.Path, Yaml("t1", 1, ExactThenMinHash)));
        Assert.Equal(ById(d["w1"]).Keys.Order(StringComparer.Ordinal), ById(d["t1"]).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(File.ReadAllBytes(d["w1/clusters.jsonl"]), File.ReadAllBytes(d["t1/clusters.jsonl"]));
    }

    [Fact]
    public void The_merge_deletes_stages_and_a_rerun_is_a_no_op_with_identical_bytes()
    {
        using var d = new TempDir();
        DedupCorpus.Write(d.Path, 300);
        var first = Run(TestData.Config(d.Path, Yaml("out", 3, ExactThenMinHash)));
        Assert.False(Directory.Exists(d["out/.stages"]));
        Assert.True(first.TasksRun > 0);
        var bytes = AllBytes(d["out"]);

        // Local, merge-only, one stage's task (a Slurm element): all see a finished run and write nothing.
        var config = TestData.Config(d.Path, Yaml("out", 3, ExactThenMinHash));
        var again = Run(config);
        var run = PipelineRun.Prepare(config);
        var stages = PipelineStages.Of(run);
        Assert.Equal((0, stages.All.Sum(s => stages.Units(s).Count)), (again.TasksRun, again.TasksSkipped));
        Assert.Equal(first.Stats!.Kept, again.Stats!.Kept);
        Assert.Equal(first.Stats.Kept, PipelineMerger.Merge(run).Kept);
        Assert.True(stages.Run(stages.All[^1], 0).Skipped);
        Assert.Equal(bytes, AllBytes(d["out"]));

        // keep_stages (or --keep-stages): the stages stay, the data is the same.
        Run(TestData.Config(d.Path, Yaml("kept", 3, ExactThenMinHash).Replace("tasks: 3\n", "tasks: 3\nkeep_stages: true\n", StringComparison.Ordinal)));
        Assert.True(Directory.Exists(d["kept/.stages/barrier-01"]));
        Assert.False(File.Exists(d["kept/.tasks/stages-removed.json"]));
        var kept = TestData.DataFiles(d["kept"]).Where(f => !f.Key.StartsWith(".stages", StringComparison.Ordinal)).ToList();
        Assert.Equal(TestData.DataFiles(d["out"]).ToList(), kept);
    }

    /// <summary>Every file under the folder, markers and timings included: a no-op rerun changes none.</summary>
    private static SortedDictionary<string, byte[]> AllBytes(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes), StringComparer.Ordinal);

    [Fact]
    public void Per_record_steps_around_barriers_account_for_every_record()
    {
        using var d = new TempDir();
        DedupCorpus.Write(d.Path, 300);
        var steps = "  - type: test_words_v1\n  - type: dedup_exact_v1\n    keep: longest\n  - type: test_min_length_v1\n    min_chars: 20\n"
                    + "  - type: dedup_lines_v1\n    unit: paragraph\n  - type: test_digit_v1\n  - type: dedup_minhash_v1\n";
        var config = TestData.Config(d.Path, Yaml("out", 2, steps));
        var stages = PipelineStages.Of(PipelineRun.ForPlanning(config));
        Assert.Equal(
            ["segment-0", "dedup_exact_v1:map", "dedup_exact_v1:reduce", "segment-1", "dedup_lines_v1:reduce", "segment-2",
             "dedup_minhash_v1:map", "dedup_minhash_v1:reduce", "segment-3"],
            stages.All.Select(s => s.Name));
        var stats = Run(config).Stats!;

        Assert.Equal(["test_words_v1", "dedup_exact_v1", "test_min_length_v1", "dedup_lines_v1", "test_digit_v1", "dedup_minhash_v1"], stats.Steps.Select(s => s.Step));
        for (int i = 1; i < stats.Steps.Count; i++) Assert.Equal(stats.Steps[i - 1].Kept, stats.Steps[i].In);
        Assert.Equal(300, stats.Input);
        Assert.Equal(stats.Input, stats.Kept + stats.Removed);
        var removedBy = ById(d["out/removed"]).Values.GroupBy(r => r.GetMetaString("removed_by")!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(stats.Steps.Where(s => s.RemovedTotal > 0).ToDictionary(s => s.Step, s => (int)s.RemovedTotal), removedBy);
        Assert.True(removedBy["dedup_exact_v1"] > 0);
        // Signals written before the barrier survive it: the stage after reads the kept shards back.
        Assert.All(ById(d["out"]).Values, r => Assert.Contains("test_words_v1", r.Meta["signals"]!.ToJsonString()));
        Assert.True(File.Exists(d["out/report.html"]));
    }

    [Theory]
    [InlineData("lowest_id", "a")]
    [InlineData("longest", "c")]
    [InlineData("highest_score", "b")]
    public void Keep_rules_pick_the_survivor_as_the_cli_does(string keep, string survivor)
    {
        using var d = new TempDir();
        Directory.CreateDirectory(d["in"]);
        const string text = "the same sentence about rivers and cities appears in three documents";
        using (var w = new Core.IO.ShardWriter(d["in/a.jsonl"]))
        {
            var a = new Record("a", text);
            a.Meta["score"] = 0.1;
            var b = new Record("b", text.ToUpperInvariant());
            b.Meta["score"] = 0.9;
            var c = new Record("c", "  " + text.Replace(" ", "   ", StringComparison.Ordinal) + "  ");
            foreach (var r in new[] { c, b, a, new Record("z", "something else entirely") }) w.Write(r);
            w.Complete();
        }
        foreach (var step in new[] { "dedup_exact_v1", "dedup_minhash_v1\n    ngram: 3" })
        {
            var output = "out-" + step[6..11];
            Run(TestData.Config(d.Path, Yaml(output, 2, $"  - type: {step}\n    keep: {keep}\n")));
            Assert.Equal([survivor, "z"], ById(d[output]).Keys.Order(StringComparer.Ordinal));
            Assert.All(ById(d[output + "/removed"]).Values, r => Assert.Equal(survivor, r.GetMetaString("duplicate_of")));
        }
    }

    [Fact]
    public void A_barrier_whose_stage_is_empty_decides_nothing_and_the_run_still_merges()
    {
        using var d = new TempDir();
        DedupCorpus.Write(d.Path, 50);
        var steps = "  - type: test_min_length_v1\n    min_chars: 100000\n  - type: dedup_minhash_v1\n  - type: dedup_lines_v1\n";
        var stats = Run(TestData.Config(d.Path, Yaml("out", 3, steps))).Stats!;
        Assert.Equal((50, 0L, 50L), (stats.Input, stats.Kept, stats.Removed));
        Assert.Equal([0L, 0L], stats.Steps.Skip(1).Select(s => s.In));
        Assert.Empty(File.ReadAllLines(d["out/clusters.jsonl"]));
    }

    [Theory]
    [InlineData("dedup_lines_v1\n    unit: line\n    min_words: 2", DedupMethod.Lines)]
    [InlineData("dedup_substring_v1\n    min_length: 40\n    memory_bytes: 1048576", DedupMethod.Substring)]
    public void First_occurrence_is_by_record_id_so_any_task_count_keeps_the_same_text(string step, DedupMethod method)
    {
        using var d = new TempDir();
        Directory.CreateDirectory(d["in"]);
        Directory.CreateDirectory(d["sorted"]);
        var texts = DedupCorpus.Texts(160, 13);
        var records = Enumerable.Range(0, texts.Count)
            .Select(i => new Record($"r-{(i * 37) % texts.Count:D4}", texts[i] + "\n" + texts[(i * 7) % texts.Count][..60])).ToList();
        // The stage reads the records out of id order; the reference engine reads them in id order.
        using (var w = new Core.IO.ShardWriter(d["in/a.jsonl"])) { foreach (var r in records) w.Write(r); w.Complete(); }
        using (var w = new Core.IO.ShardWriter(d["sorted/a.jsonl"])) { foreach (var r in records.OrderBy(r => r.Id, StringComparer.Ordinal)) w.Write(r); w.Complete(); }
        var reference = DatasetDedup.Run(DatasetInput.Resolve(d["sorted"]), d["ref"], d["ref-removed"],
            new DatasetDedupOptions { Method = method, MinWords = 2, Substring = new ExactSubstringOptions { MinLength = 40 } });
        Assert.True(reference.Counts.ChangedRecords > 10);
        var expected = ById(d["ref"]);
        foreach (int tasks in new[] { 1, 3, 5 })
        {
            var stats = Run(TestData.Config(d.Path, Yaml($"t{tasks}", tasks, $"  - type: {step}\n"))).Stats!;
            var mine = ById(d[$"t{tasks}"]);
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), mine.Keys.Order(StringComparer.Ordinal));
            foreach (var (id, r) in expected) Assert.Equal(r.Text, mine[id].Text);
            Assert.Equal(reference.Counts.ChangedChars, stats.Steps[0].ChangedChars);
        }
    }

    [Fact]
    public void Substring_parts_built_by_map_tasks_give_the_dataset_engines_result_across_tasks()
    {
        using var d = new TempDir();
        Directory.CreateDirectory(d["in"]);
        var texts = DedupCorpus.Texts(150, 11);
        // Three shards, one per task: the stage reads a, b, c in that order, as the dataset engine does,
        // and many repeated spans cross shards, so they cross map tasks.
        for (int s = 0; s < 3; s++)
            using (var w = new Core.IO.ShardWriter(d[$"in/{(char)('a' + s)}.jsonl"]))
            {
                for (int i = s * 50; i < s * 50 + 50; i++)
                    w.Write(new Record($"r-{i:D4}", texts[i] + "\n" + texts[(i * 7) % texts.Count][..60]));
                w.Complete();
            }
        // Shards stay whole (split_bytes above their size), so task t reads shard t.
        string Whole(string output) => Yaml(output, 3, "  - type: dedup_substring_v1\n    min_length: 40\n    memory_bytes: 1048576\n").Replace("split_bytes: 16KB", "split_bytes: 1MB", StringComparison.Ordinal);
        var stats = Run(TestData.Config(d.Path, Whole("out")), workers: 1).Stats!;
        Run(TestData.Config(d.Path, Whole("out3")), workers: 3);
        TestData.AssertSameFiles(d["out"], d["out3"]);
        var reference = DatasetDedup.Run(DatasetInput.Resolve(d["in"]), d["ref"], d["ref-removed"],
            new DatasetDedupOptions { Method = DedupMethod.Substring, Substring = new ExactSubstringOptions { MinLength = 40 } });
        Assert.True(reference.Counts.ChangedRecords > 20);
        var mine = ById(d["out"]);
        foreach (var (id, r) in ById(d["ref"])) Assert.Equal(r.Text, mine[id].Text);
        Assert.Equal(reference.Counts.ChangedChars, stats.Steps[0].ChangedChars);
        Assert.Equal(3, stats.Barriers!.Single().Details["suffix_array_parts"]);
    }

    [Theory]
    [InlineData("dedup_lines_v1\n    unit: line\n    min_words: 2", DedupMethod.Lines)]
    [InlineData("dedup_substring_v1\n    min_length: 40", DedupMethod.Substring)]
    public void Rewriting_barriers_match_the_dataset_engine(string step, DedupMethod method)
    {
        using var d = new TempDir();
        Directory.CreateDirectory(d["in"]);
        var texts = DedupCorpus.Texts(120, 9);
        using (var w = new Core.IO.ShardWriter(d["in/a.jsonl"]))
        {
            for (int i = 0; i < texts.Count; i++)
                w.Write(new Record($"r-{i:D4}", i % 3 == 0 ? texts[i].Replace(" w1", "\nw1", StringComparison.Ordinal) : texts[i] + "\n" + texts[(i * 7) % texts.Count][..60]));
            w.Complete();
        }
        // One task: "first occurrence" then means input order, as in the dataset engine.
        var stats = Run(TestData.Config(d.Path, Yaml("out", 1, $"  - type: {step}\n"))).Stats!;
        var reference = DatasetDedup.Run(DatasetInput.Resolve(d["in"]), d["ref"], d["ref-removed"],
            new DatasetDedupOptions { Method = method, MinWords = 2, Substring = new ExactSubstringOptions { MinLength = 40 } });

        Assert.True(reference.Counts.ChangedRecords > 10);
        var mine = ById(d["out"]);
        var theirs = ById(d["ref"]);
        Assert.Equal(theirs.Keys.Order(StringComparer.Ordinal), mine.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, r) in theirs)
        {
            Assert.Equal(r.Text, mine[id].Text);
            Assert.Equal(r.Meta["dedup_chars_removed"]?.ToJsonString(), mine[id].Meta["dedup_chars_removed"]?.ToJsonString());
        }
        Assert.Equal(reference.Counts.ChangedRecords, stats.Steps[0].ChangedRecords);
        Assert.Equal(reference.Counts.ChangedChars, stats.Steps[0].ChangedChars);
        Assert.Equal(reference.Counts.RemovedTotal, stats.Steps[0].RemovedTotal);
    }

    [Fact]
    public void Semantic_barrier_removes_near_identical_embeddings()
    {
        using var d = new TempDir();
        Directory.CreateDirectory(d["in"]);
        var rng = new Random(3);
        using (var w = new Core.IO.ShardWriter(d["in/a.jsonl"]))
        {
            for (int i = 0; i < 40; i++)
            {
                var v = Enumerable.Range(0, 8).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
                w.Write(new Record($"r-{i:D2}", "doc " + i) { Features = v });
                if (i % 4 == 0) w.Write(new Record($"s-{i:D2}", "near copy " + i) { Features = v.Select(x => x * 1.001f).ToArray() });
            }
            w.Complete();
        }
        var stats = Run(TestData.Config(d.Path, Yaml("out", 2, "  - type: dedup_semantic_v1\n    clusters: 4\n    eps: 0.01\n"))).Stats!;
        var removed = ById(d["out/removed"]);
        Assert.Equal(10, removed.Count);
        // SemDeDup keeps the member farthest from its centroid, so either twin may survive; it names the other.
        Assert.All(removed.Values, r => Assert.Equal(r.Id[2..], r.GetMetaString("duplicate_of")![2..]));
        Assert.All(removed.Values, r => Assert.Equal("dedup_semantic_v1", r.GetMetaString("removed_by")));
        Assert.Equal(40, stats.Kept);
    }

    [Fact]
    public void Semantic_barrier_decides_the_same_for_any_task_count()
    {
        using var d = new TempDir();
        Directory.CreateDirectory(d["in"]);
        var rng = new Random(5);
        using (var w = new Core.IO.ShardWriter(d["in/a.jsonl"]))
        {
            // Out of id order, and twins that are near each other but not identical, so centroids matter.
            for (int i = 0; i < 120; i++)
            {
                var v = Enumerable.Range(0, 8).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
                w.Write(new Record($"r-{(i * 53) % 120:D3}", new string('x', 400)) { Features = v });
                if (i % 3 == 0) w.Write(new Record($"s-{(i * 53) % 120:D3}", new string('y', 400)) { Features = v.Select(x => x + 0.004f * ((float)rng.NextDouble() - 0.5f)).ToArray() });
            }
            w.Complete();
        }
        string steps = "  - type: dedup_semantic_v1\n    clusters: 6\n    eps: 0.01\n";
        Run(TestData.Config(d.Path, Yaml("t1", 1, steps)));
        var expected = ById(d["t1/removed"]).ToDictionary(kv => kv.Key, kv => kv.Value.GetMetaString("duplicate_of"));
        Assert.True(expected.Count >= 30);
        foreach (int tasks in new[] { 3, 5 })
        {
            Run(TestData.Config(d.Path, Yaml($"t{tasks}", tasks, steps)));
            var removed = ById(d[$"t{tasks}/removed"]).ToDictionary(kv => kv.Key, kv => kv.Value.GetMetaString("duplicate_of"));
            Assert.Equal(expected.OrderBy(kv => kv.Key, StringComparer.Ordinal), removed.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        }
    }
}
