using Assay.Curation.Executors;
using Assay.Curation.Pipeline;

namespace Assay.Curation.Tests.Pipeline;

public sealed class SignalSamplingTests
{
    [Fact]
    public void Small_runs_sample_every_record_and_any_task_count_gives_the_same_distributions()
    {
        using var d = new TempDir();
        TestData.WriteInputs(d.Path, 6000, 1500, 1500); // 9,000 records: more than the old first-4,000 cap
        PipelineStats Run(string output, int tasks) =>
            new LocalExecutor(2).Run(PipelineRun.Prepare(TestData.Config(d.Path, TestData.Yaml(output, $"tasks: {tasks}"))),
                ct: TestContext.Current.CancellationToken).Stats!;
        var one = Run("one", 1);
        var four = Run("four", 4);

        var chars = one.Signals["test_min_length_v1.chars"];
        Assert.Equal(one.Steps[1].In, chars.Before!.Count); // the whole input, not the start of the first task
        Assert.Equal(one.Kept, chars.After!.Count);
        foreach (var (name, s) in one.Signals)
        {
            Assert.Equal(s.Before, four.Signals[name].Before);
            Assert.Equal(s.After, four.Signals[name].After);
        }
    }

    [Fact]
    public void Large_inputs_sample_a_fixed_share_of_ids_spread_over_the_input()
    {
        ulong threshold = SignalSampling.Threshold(1_000_000_000); // ~0.2 % of a 1 GB input
        var ids = Enumerable.Range(0, 200_000).Select(i => $"doc-{i}").ToList();
        var sampled = ids.Select((id, i) => (i, SignalSampling.Sampled(id, threshold))).Where(t => t.Item2).Select(t => t.i).ToList();
        Assert.InRange(sampled.Count, 200_000 * 0.002 * 0.8, 200_000 * 0.002 * 1.2);
        // Spread: both halves of the input are represented about equally.
        int firstHalf = sampled.Count(i => i < 100_000);
        Assert.InRange(firstHalf, sampled.Count * 0.4, sampled.Count * 0.6);
        Assert.Equal(sampled, ids.Select((id, i) => (i, SignalSampling.Sampled(id, threshold))).Where(t => t.Item2).Select(t => t.i).ToList());
        Assert.Equal(ulong.MaxValue, SignalSampling.Threshold(1000));
    }
}
