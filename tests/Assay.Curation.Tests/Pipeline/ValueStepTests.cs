using Assay.Core.Datasets;
using Assay.Core.Records;
using Assay.Curation.Executors;
using Assay.Curation.Pipeline;
using Assay.Valuation.Steps;

namespace Assay.Curation.Tests.Pipeline;

/// <summary><c>value_v1</c>: data valuation as a pipeline barrier, equal to the library step <c>assay value --drop-lowest</c> runs.</summary>
public sealed class ValueStepTests
{
    /// <summary>Two Gaussian blobs in 4-D with 10 % of the labels flipped: flipped points should be valued lowest.</summary>
    private static void WriteBlobs(string path, int n, int seed, bool flip)
    {
        var rng = new Random(seed);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var w = new StreamWriter(path);
        for (int i = 0; i < n; i++)
        {
            int label = i % 2;
            var f = Enumerable.Range(0, 4).Select(_ => (float)(label * 3 + rng.NextDouble())).ToArray();
            if (flip && i % 10 == 3) label = 1 - label;
            var r = new Record($"r{i:D4}", "") { Features = f, Label = Label.Of(label.ToString()) };
            w.WriteLine(System.Text.Encoding.UTF8.GetString(RecordJson.ToUtf8(r)));
        }
    }

    private static string Yaml(string output, int tasks) =>
        $"input: in\noutput: {output}\ntasks: {tasks}\nsplit_bytes: 4KB\nsteps:\n" +
        "  - type: value_v1\n    test: test.jsonl\n    drop_fraction: 0.1\n";

    [Fact]
    public void Values_every_record_drops_the_lowest_fraction_and_equals_the_library_step()
    {
        using var d = new TempDir();
        WriteBlobs(d["in/part-0.jsonl"], 200, 1, flip: true);
        WriteBlobs(d["test.jsonl"], 60, 2, flip: false);
        var config = TestData.Config(d.Path, Yaml("out", 3));
        var stats = new LocalExecutor(2).Run(PipelineRun.Prepare(config), ct: TestContext.Current.CancellationToken).Stats!;

        Assert.Equal(200, stats.Input);
        Assert.Equal(180, stats.Kept);
        Assert.Equal(20, stats.Steps.Single().Removed["lowest_value"]);
        var kept = DatasetReader.Read(d["out"]).ToList();
        var removed = DatasetReader.Read(d["out/removed"]).ToList();
        Assert.All(kept.Concat(removed), r => Assert.NotNull(r.Meta["value"]));
        Assert.All(removed, r => Assert.Equal("value_v1", r.GetMetaString("removed_by")));
        // KNN-Shapley finds the flipped labels: most of the removed lowest tenth are flipped points (ids i % 10 == 3).
        Assert.True(removed.Count(r => int.Parse(r.Id[1..]) % 10 == 3) >= 15);
        Assert.True(removed.Max(r => r.Meta["value"]!.GetValue<double>()) <= kept.Min(r => r.Meta["value"]!.GetValue<double>()));

        // Same decisions as the library step the CLI runs.
        var reference = DatasetValuation.Run(DatasetInput.Resolve(d["in"]), DatasetInput.Resolve(d["test.jsonl"]),
            new ValueStepOptions(DropFraction: 0.1), d["ref-kept"], d["ref-removed"]);
        Assert.Equal(20, reference.Counts.RemovedTotal);
        Assert.Equal(DatasetReader.Read(d["ref-removed"]).Select(r => r.Id).Order(), removed.Select(r => r.Id).Order());
        var refValues = DatasetReader.Read(d["ref-kept"]).ToDictionary(r => r.Id, r => r.Meta["value"]!.GetValue<double>());
        Assert.All(kept, r => Assert.Equal(refValues[r.Id], r.Meta["value"]!.GetValue<double>()));
    }

    [Fact]
    public void Output_is_identical_for_any_worker_count_and_records_without_features_are_named()
    {
        using var d = new TempDir();
        WriteBlobs(d["in/part-0.jsonl"], 120, 3, flip: true);
        WriteBlobs(d["test.jsonl"], 40, 4, flip: false);
        new LocalExecutor(1).Run(PipelineRun.Prepare(TestData.Config(d.Path, Yaml("w1", 3))), ct: TestContext.Current.CancellationToken);
        new LocalExecutor(3).Run(PipelineRun.Prepare(TestData.Config(d.Path, Yaml("w3", 3))), ct: TestContext.Current.CancellationToken);
        TestData.AssertSameFiles(d["w1"], d["w3"]);

        Directory.CreateDirectory(d["text"]);
        File.WriteAllText(d["text/part-0.jsonl"], "{\"id\":\"t1\",\"text\":\"no vector here\",\"label\":\"0\"}\n");
        var yaml = Yaml("bad", 1).Replace("input: in", "input: text");
        var e = Assert.ThrowsAny<Exception>(() =>
            new LocalExecutor(1).Run(PipelineRun.Prepare(TestData.Config(d.Path, yaml)), ct: TestContext.Current.CancellationToken));
        Assert.Contains("'t1' has no 'features'", e.ToString());
    }

    [Fact]
    public void Text_records_are_embedded_by_the_named_embedder_and_written_without_the_vectors()
    {
        using var d = new TempDir();
        string[] sport = ["the team won the match", "a late goal won the game", "the coach praised the players", "fans cheered the striker"];
        string[] money = ["the bank raised interest rates", "stocks fell on the market", "investors sold their shares", "the budget deficit grew"];
        void Write(string path, int n, int offset)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var w = new StreamWriter(path);
            for (int i = 0; i < n; i++)
            {
                bool isSport = i % 2 == 0;
                var text = (isSport ? sport : money)[(i / 2 + offset) % 4] + " " + i;
                w.WriteLine(System.Text.Encoding.UTF8.GetString(RecordJson.ToUtf8(new Record($"t{offset}-{i:D3}", text) { Label = Label.Of(isSport ? "sport" : "money") })));
            }
        }
        Write(d["in/part-0.jsonl"], 40, 0);
        Write(d["test.jsonl"], 16, 1);
        var model = Assay.Text.Embeddings.HashedTfidfSvdEmbedder.Train(sport.Concat(money), new Assay.Text.Embeddings.TfidfSvdOptions { Dimensions = 4, BucketBits = 10 });
        model.Save(d["tfidf.bin"]);
        var yaml = Yaml("out", 2) + "    embedder: tfidf:tfidf.bin\n";
        var stats = new LocalExecutor(2).Run(PipelineRun.Prepare(TestData.Config(d.Path, yaml)), ct: TestContext.Current.CancellationToken).Stats!;
        Assert.Equal(36, stats.Kept);
        var all = DatasetReader.Read(d["out"]).Concat(DatasetReader.Read(d["out/removed"])).ToList();
        Assert.Equal(40, all.Count);
        Assert.All(all, r => { Assert.NotNull(r.Meta["value"]); Assert.Null(r.Features); });
    }
}
