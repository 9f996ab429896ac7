using Assay.Core.Datasets;
using Assay.Core.IO;
using Assay.Core.Records;
using Assay.Core.Stats;

namespace Assay.Core.Tests.Datasets;

public sealed class DatasetTests
{
    private static DatasetManifest WriteDataset(string folder, int n, Compression c, long shardBytes = 256L << 20)
    {
        using var w = new DatasetWriter(folder, c, shardBytes);
        w.SetLicense("a", "MIT");
        for (int i = 0; i < n; i++) w.Write(new Record($"r{i:D5}", $"record number {i}") { Source = i % 3 == 0 ? "a" : "b", Label = Label.Of(i % 2) });
        return w.Complete("test", new Lineage { Command = "test" });
    }

    [Theory]
    [InlineData(Compression.None)]
    [InlineData(Compression.Gzip)]
    [InlineData(Compression.Zstd)]
    public void ManifestMatchesShardsAndIsReadBack(Compression c)
    {
        using var dir = new TempDir();
        var m = WriteDataset(dir["ds"], 5000, c, shardBytes: 40_000);
        Assert.True(m.Shards.Count > 1);
        Assert.Equal(5000, m.Records);
        Assert.Equal(5000, m.Shards.Sum(s => s.Records));
        Assert.Equal(m.Bytes, m.Shards.Sum(s => new FileInfo(Path.Combine(dir["ds"], s.Path)).Length));
        Assert.Equal("MIT", m.Sources.Single(s => s.Name == "a").License);
        Assert.Equal(1667, m.Sources.Single(s => s.Name == "a").Records);
        var loaded = DatasetManifest.Load(dir["ds"]);
        Assert.Equal(m.Shards, loaded.Shards);
        Assert.Equal(Enumerable.Range(0, 5000).Select(i => $"r{i:D5}"), DatasetReader.Read(dir["ds"]).Select(r => r.Id));
    }

    [Fact]
    public void SameInputGivesSameBytes()
    {
        using var dir = new TempDir();
        WriteDataset(dir["a"], 2000, Compression.Zstd, 20_000);
        WriteDataset(dir["b"], 2000, Compression.Zstd, 20_000);
        Assert.Equal(File.ReadAllBytes(dir["a/dataset.json"]), File.ReadAllBytes(dir["b/dataset.json"]));
        foreach (var f in Directory.GetFiles(dir["a"]))
            Assert.Equal(File.ReadAllBytes(f), File.ReadAllBytes(Path.Combine(dir["b"], Path.GetFileName(f))));
    }

    [Fact]
    public void ResolvesFolderShardFileGlobAndManifest()
    {
        using var dir = new TempDir();
        WriteDataset(dir["ds"], 100, Compression.None, 1000);
        Directory.CreateDirectory(dir["loose"]);
        File.Copy(Path.Combine(dir["ds"], "part-00000.jsonl"), dir["loose/x.jsonl"]);
        Assert.NotNull(DatasetInput.Resolve(dir["ds"]).Manifest);
        Assert.Single(DatasetInput.Resolve(dir["loose"]).Shards);
        Assert.Single(DatasetInput.Resolve(dir["loose/x.jsonl"]).Shards);
        var glob = DatasetInput.Resolve(dir["ds"] + "/part-0000*.jsonl");
        Assert.Equal(DatasetInput.Resolve(dir["ds"]).Shards.Take(glob.Shards.Count).Select(Path.GetFullPath), glob.Shards.Select(Path.GetFullPath));
        Assert.True(DatasetInput.Resolve(dir.Path_ + "/**/*.jsonl").Shards.Count > 1);
        var e = Assert.Throws<FileNotFoundException>(() => DatasetInput.Resolve(dir["nope"]));
        Assert.Contains("expected a dataset folder", e.Message);
    }

    [Fact]
    public void MissingShardListedInManifestIsAnError()
    {
        using var dir = new TempDir();
        WriteDataset(dir["ds"], 100, Compression.None);
        File.Delete(dir["ds/part-00000.jsonl"]);
        Assert.Contains("missing", Assert.Throws<FileNotFoundException>(() => DatasetInput.Resolve(dir["ds"])).Message);
    }

    [Fact]
    public void StatsCountAndDetectAChangedShard()
    {
        using var dir = new TempDir();
        WriteDataset(dir["ds"], 300, Compression.None);
        var s = DatasetStats.Compute(DatasetInput.Resolve(dir["ds"]), ReadOptions.Default);
        Assert.Equal(300, s.Records);
        Assert.Equal(300 * 3, s.Words);
        Assert.Equal(100, s.BySource["a"].Records);
        Assert.Equal(150, s.ByLabel["1"].Records);
        Assert.Empty(s.ManifestChecks);
        File.AppendAllText(dir["ds/part-00000.jsonl"], """{"id":"extra","text":"x"}""" + "\n");
        var s2 = DatasetStats.Compute(DatasetInput.Resolve(dir["ds"]), ReadOptions.Default);
        Assert.Contains(s2.ManifestChecks, c => c.Contains("sha256"));
        Assert.Contains(s2.ManifestChecks, c => c.Contains("300 records"));
    }
}
