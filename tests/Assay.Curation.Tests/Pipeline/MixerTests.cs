using Assay.Core.Datasets;
using Assay.Curation.Executors;
using Assay.Curation.Mixing;
using Assay.Curation.Pipeline;

namespace Assay.Curation.Tests.Pipeline;

public sealed class MixerTests
{
    private static (string Web, string Books) Inputs(TempDir d)
    {
        TestData.WriteShard(d["web/a.jsonl"], "w", 3000, 1);
        TestData.WriteShard(d["books/b.jsonl"], "b", 1000, 2);
        return (d["web"], d["books"]);
    }

    private static MixSourceResult Of(MixResult r, string source) => r.Sources.Single(s => s.Source == source);

    [Fact]
    public void Default_total_downsamples_to_the_target_shares()
    {
        using var d = new TempDir();
        var (web, books) = Inputs(d);
        var spec = new MixSpec(new Dictionary<string, double> { ["web"] = 1, ["books"] = 1 });
        var r = Mixer.Run([new MixInput(web, "web"), new MixInput(books, "books")], spec, d["mix"], seed: 5, ct: TestContext.Current.CancellationToken);

        Assert.Equal(1.0, Of(r, "books").Rate, 6); // the scarce source is taken whole, once
        Assert.Equal(Of(r, "books").Records, Of(r, "books").OutRecords);
        Assert.InRange(Of(r, "web").Rate, 0.25, 0.45);
        Assert.InRange(Of(r, "web").AchievedShare, 0.47, 0.53);
        var ids = DatasetReader.Read(d["mix"]).Select(x => x.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(r.OutRecords, ids.Count);
        Assert.True(File.Exists(d["mix/mix.json"]));
    }

    [Fact]
    public void Total_tokens_upsample_with_distinct_copy_ids_and_cap_at_max_repeat()
    {
        using var d = new TempDir();
        var (web, books) = Inputs(d);
        var inputs = new[] { new MixInput(web, "web"), new MixInput(books, "books") };
        long bookTokens = Mixer.Run(inputs, new MixSpec(new Dictionary<string, double> { ["web"] = 0, ["books"] = 1 }), d["m0"], ct: TestContext.Current.CancellationToken).OutTokens;

        var spec = new MixSpec(new Dictionary<string, double> { ["web"] = 0.5, ["books"] = 0.5 }, TotalTokens: bookTokens * 5);
        var r = Mixer.Run(inputs, spec, d["mix"], seed: 1, ct: TestContext.Current.CancellationToken);
        Assert.Equal(2.5, Of(r, "books").Rate, 3);
        Assert.False(Of(r, "books").Capped);
        Assert.InRange(Of(r, "books").AchievedShare, 0.47, 0.53);
        var records = DatasetReader.Read(d["mix"]).ToList();
        Assert.Contains(records, x => x.Id.EndsWith("#2", StringComparison.Ordinal) && x.Meta["mix_copy"]!.GetValue<int>() == 2);
        Assert.Equal(records.Count, records.Select(x => x.Id).Distinct().Count());

        var capped = Mixer.Run(inputs, spec with { MaxRepeat = 2 }, d["capped"], seed: 1, ct: TestContext.Current.CancellationToken);
        Assert.True(Of(capped, "books").Capped);
        Assert.True(Of(capped, "books").AchievedShare < 0.47); // reported honestly, not the target
    }

    [Fact]
    public void Same_seed_same_bytes_and_unweighted_sources_are_an_error()
    {
        using var d = new TempDir();
        var (web, books) = Inputs(d);
        var inputs = new[] { new MixInput(web, "web"), new MixInput(books, "books") };
        var spec = new MixSpec(new Dictionary<string, double> { ["web"] = 0.7, ["books"] = 0.3 });
        Mixer.Run(inputs, spec, d["a"], seed: 9, ct: TestContext.Current.CancellationToken);
        Mixer.Run(inputs, spec, d["b"], seed: 9, ct: TestContext.Current.CancellationToken);
        Assert.Equal(File.ReadAllText(d["a/mix.json"]).Replace(d["a"], ""), File.ReadAllText(d["b/mix.json"]).Replace(d["b"], ""));
        File.Delete(d["a/mix.json"]);
        File.Delete(d["b/mix.json"]);
        TestData.AssertSameFiles(d["a"], d["b"]);
        var e = Assert.Throws<ArgumentException>(() => Mixer.Run(inputs, new MixSpec(new Dictionary<string, double> { ["web"] = 1 }), d["c"], ct: TestContext.Current.CancellationToken));
        Assert.Contains("'books' have no mix weight", e.Message);
    }

    [Fact]
    public void Pipeline_mix_runs_after_the_steps_on_the_kept_records()
    {
        using var d = new TempDir();
        TestData.WriteInputs(d.Path, 1500, 300, 600);
        var yaml = TestData.Yaml("out", "mix: {weights: {web: 0.6, books: 0.4}}");
        var s = new LocalExecutor(2).Run(PipelineRun.Prepare(TestData.Config(d.Path, yaml)), ct: TestContext.Current.CancellationToken).Stats!;
        Assert.NotNull(s.Mix);
        Assert.InRange(s.Mix.Sources.Single(x => x.Source == "books").AchievedShare, 0.36, 0.44);
        var mixed = DatasetInput.Resolve(Path.Combine(d["out"], "mixed"));
        Assert.Equal(s.Mix.OutRecords, mixed.Manifest!.Records);
        Assert.Contains("Written tokens per source", File.ReadAllText(Path.Combine(d["out"], "report.html")));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("a", 1)]
    [InlineData("  a  b\tc\n d ", 4)]
    public void Whitespace_tokens(string text, long expected) => Assert.Equal(expected, WhitespaceTokens.Count(text));
}
