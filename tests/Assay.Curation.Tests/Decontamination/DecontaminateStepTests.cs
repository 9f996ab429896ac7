using Assay.Core.Datasets;
using Assay.Core.IO;
using Assay.Core.Records;
using Assay.Curation.Decontamination;
using Assay.Curation.Executors;
using Assay.Curation.Filters.Decontamination;
using Assay.Curation.Pipeline;
using Assay.Curation.Steps;
using Assay.Curation.Tests.Pipeline;

namespace Assay.Curation.Tests.Decontamination;

/// <summary>decontaminate_v1 as a pipeline step: re-wrapped, re-cased benchmark text is caught; remove and annotate modes.</summary>
public sealed class DecontaminateStepTests
{
    private const string Question = "Which river flows through the ancient city that was the capital of the eastern empire for a thousand years?";

    [Theory]
    [InlineData("remove")]
    [InlineData("annotate")]
    public void Finds_rewrapped_benchmark_text_and_removes_or_annotates(string mode)
    {
        using var d = new TempDir();
        using (var b = new ShardWriter(d["bench/trivia.jsonl"]))
        {
            b.Write(new Record("q1", Question));
            b.Complete();
        }
        using (var w = new ShardWriter(d["in/a.jsonl"]))
        {
            for (int i = 0; i < 30; i++) w.Write(new Record($"clean-{i:D2}", $"an ordinary training document number {i} about rivers and cities in general terms"));
            // Re-wrapped into short lines, upper-cased, punctuation changed: still the same 13-grams after normalization.
            w.Write(new Record("dirty", "Notes.\n" + string.Join('\n', Question.ToUpperInvariant().Replace("?", " !!", StringComparison.Ordinal).Split(' ').Chunk(3).Select(c => string.Join("  ", c)))));
            w.Complete();
        }
        var config = TestData.Config(d.Path, $"input: in\noutput: out\ntasks: 2\nsteps:\n  - type: decontaminate_v1\n    benchmarks: [bench/trivia.jsonl]\n    mode: {mode}\n");
        var stats = new LocalExecutor(2).Run(PipelineRun.Prepare(config), ct: TestContext.Current.CancellationToken).Stats!;

        var kept = DatasetReader.Read(d["out"]).ToDictionary(r => r.Id);
        if (mode == "remove")
        {
            Assert.Equal(30, stats.Kept);
            var removed = Assert.Single(DatasetReader.Read(d["out/removed"]));
            Assert.Equal("dirty", removed.Id);
            Assert.Equal("decontaminate:benchmark_ngram_overlap", removed.GetMetaString("reason"));
            Assert.Equal("[\"trivia/q1\"]", removed.Meta["contaminates"]!.ToJsonString());
        }
        else
        {
            Assert.Equal(31, kept.Count);
            Assert.Equal("[\"trivia/q1\"]", kept["dirty"].Meta["contaminates"]!.ToJsonString());
        }
        Assert.All(kept.Values.Where(r => r.Id != "dirty"), r => Assert.False(r.HasMeta && r.Meta.ContainsKey("contaminates")));
    }

    [Fact]
    public void A_step_without_benchmarks_fails_at_load_with_its_line()
    {
        using var d = new TempDir();
        var e = Assert.Throws<PipelineConfigException>(() => TestData.Config(d.Path, "input: in\noutput: out\nsteps:\n  - type: decontaminate_v1\n"));
        Assert.Contains("at least one benchmark", e.Message);
        Assert.Contains(":4", e.Message);
    }
    [Fact]
    public void Steps_with_the_same_benchmarks_share_one_index_per_process()
    {
        using var d = new TempDir();
        using (var b = new ShardWriter(d["bench/trivia.jsonl"]))
        {
            b.Write(new Record("q1", Question));
            b.Complete();
        }
        BenchmarkIndex Index(int task, int ngram)
        {
            var step = new DecontaminateFilter(new DecontaminateOptions { Benchmarks = ["bench/trivia.jsonl"], Ngram = ngram });
            step.Initialize(new StepContext(task, 2, d.Path, 0, "decon"));
            return step.Index!;
        }
        var first = Index(0, 13);
        Assert.Same(first, Index(1, 13));
        Assert.NotSame(first, Index(0, 8)); // other options: another index
        // A rewritten benchmark file is indexed afresh.
        using (var b = new ShardWriter(d["bench/trivia.jsonl"]))
        {
            b.Write(new Record("q1", Question + " And one more sentence for the rewritten benchmark."));
            b.Complete();
        }
        File.SetLastWriteTimeUtc(d["bench/trivia.jsonl"], DateTime.UtcNow.AddMinutes(1));
        Assert.NotSame(first, Index(0, 13));
    }
}
