using Assay.Cli.Commands;
using Assay.Cli.Infrastructure;
using Assay.Core.Records;
using Assay.Core.Tests;

namespace Assay.Cli.Tests;

[Collection("cli")]
public sealed class DedupCommandsTests
{
    [Theory]
    [InlineData("123", 123L)]
    [InlineData("512K", 512L << 10)]
    [InlineData("1g", 1L << 30)]
    [InlineData("16G", 16L << 30)]
    public void MemorySizesParse(string text, long bytes) => Assert.Equal(bytes, DedupCommands.ParseSize("--memory", text));

    [Theory]
    [InlineData("")]
    [InlineData("1.5G")]
    [InlineData("-1G")]
    [InlineData("lots")]
    public void BadMemorySizesAreUserErrors(string text) =>
        Assert.Contains("--memory", Assert.Throws<CliUserException>(() => DedupCommands.ParseSize("--memory", text)).Message);

    [Fact]
    public void AgainstAnIndexRemovesTheOldCorpusDuplicates()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["a.jsonl"], "{\"id\":\"a1\",\"text\":\"The quick brown fox jumps over the lazy dog again and again.\"}\n{\"id\":\"a2\",\"text\":\"Another document.\"}\n");
        File.WriteAllText(dir["b.jsonl"], "{\"id\":\"b1\",\"text\":\"THE QUICK BROWN FOX\\njumps over the lazy dog again and again.\"}\n{\"id\":\"b2\",\"text\":\"Something new.\"}\n");
        Assert.Equal(0, CliRunner.Run("dedup", "-i", dir["a.jsonl"], "-o", dir["a-out"], "--method", "exact", "--index", dir["idx"]).Code);
        var (code, _, err) = CliRunner.Run("dedup", "-i", dir["b.jsonl"], "-o", dir["b-out"], "--method", "exact", "--against", dir["idx"]);
        Assert.True(code == 0, err);
        var removed = Assert.Single(Core.Datasets.DatasetReader.Read(dir["b-out/removed"]));
        Assert.Equal("b1", removed.Id);
        Assert.Equal("a1", removed.GetMetaString("duplicate_of"));
        var (bad, _, badErr) = CliRunner.Run("dedup", "-i", dir["b.jsonl"], "-o", dir["c-out"], "--method", "lines", "--against", dir["idx"]);
        Assert.Equal(1, bad);
        Assert.Contains("--against", badErr);
    }

    [Fact]
    public void DedupWritesKeptRemovedClustersAndAReportWithTheRecallCurveAndClusterExamples()
    {
        using var dir = new TempDir();
        const string Base = "the committee met on tuesday to discuss the budget for the coming year and agreed to raise funding for schools";
        var lines = new List<string>();
        for (int i = 0; i < 6; i++) lines.Add($"{{\"id\":\"dup{i}\",\"text\":\"{Base} {(i % 2 == 0 ? "" : "indeed")}\"}}");
        for (int i = 0; i < 6; i++) lines.Add($"{{\"id\":\"solo{i}\",\"text\":\"unrelated note number {i} about gardening tomatoes and weather {i * 7}\"}}");
        File.WriteAllLines(dir["in.jsonl"], lines);
        var (code, _, err) = CliRunner.Run("dedup", "-i", dir["in.jsonl"], "-o", dir["out"], "--method", "minhash", "--threshold", "0.7");
        Assert.True(code == 0, err);
        var kept = Core.Datasets.DatasetReader.Read(dir["out/kept"]).Select(r => r.Id).ToHashSet();
        var removed = Core.Datasets.DatasetReader.Read(dir["out/removed"]).ToList();
        Assert.Contains("dup0", kept);
        Assert.NotEmpty(removed);
        Assert.All(removed, r => Assert.Equal("dup0", r.GetMetaString("duplicate_of")));
        var clusterLines = File.ReadAllLines(dir["out/clusters.jsonl"]).Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!).ToList();
        Assert.Equal(removed.Count + 1, clusterLines.Count);
        Assert.All(clusterLines, l => Assert.Equal("dup0", (string)l["cluster"]!));
        Assert.Single(clusterLines, l => (bool)l["kept"]!);
        string html = File.ReadAllText(dir["out/report.html"]);
        Assert.Contains("Threshold/recall", html);
        Assert.Contains("Clusters by size", html);
        Assert.Contains("the committee met on tuesday", html); // kept and removed texts side by side
    }

    [Fact]
    public void DecontaminateWritesAReportWithThePerBenchmarkTable()
    {
        using var dir = new TempDir();
        const string Item = "What is the capital of France and which river flows through the city on its way to the sea";
        File.WriteAllText(dir["bench.jsonl"], $"{{\"id\":\"q1\",\"text\":\"{Item}\"}}\n{{\"id\":\"q2\",\"text\":\"an item nobody copied into the training data at all, not even once in any form\"}}\n");
        File.WriteAllText(dir["train.jsonl"], $"{{\"id\":\"t1\",\"text\":\"Quiz: {Item.ToUpperInvariant()}?\"}}\n{{\"id\":\"t2\",\"text\":\"clean text\"}}\n");
        var (code, _, err) = CliRunner.Run("decontaminate", "-i", dir["train.jsonl"], "-b", "quiz=" + dir["bench.jsonl"], "-o", dir["out/contamination.json"]);
        Assert.True(code == 0, err);
        string html = File.ReadAllText(dir["out/report.html"]);
        Assert.Contains("quiz", html);
        Assert.Contains("most covered items", html);
        Assert.Contains("t1", html);
    }
    [Fact]
    public void RunDeletesStagesAfterTheMergeUnlessKeepStagesAndARerunIsAlreadyDone()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["in"]);
        File.WriteAllLines(dir["in/a.jsonl"], Enumerable.Range(0, 40).Select(i => $"{{\"id\":\"r{i:D2}\",\"text\":\"record text number {i % 25} repeated here\"}}"));
        File.WriteAllText(dir["p.yaml"], "input: in\noutput: out\ntasks: 2\nsteps:\n  - type: dedup_exact_v1\n");
        var (code, _, err) = CliRunner.Run("run", dir["p.yaml"], "--workers", "2");
        Assert.True(code == 0, err);
        Assert.False(Directory.Exists(dir["out/.stages"]));
        var dataset = File.ReadAllBytes(dir["out/dataset.json"]);

        (code, _, err) = CliRunner.Run("run", dir["p.yaml"], "--workers", "2");
        Assert.True(code == 0, err);
        Assert.Contains("0 tasks run", err);
        Assert.Equal(dataset, File.ReadAllBytes(dir["out/dataset.json"]));

        File.WriteAllText(dir["q.yaml"], "input: in\noutput: kept\ntasks: 2\nsteps:\n  - type: dedup_exact_v1\n");
        (code, _, err) = CliRunner.Run("run", dir["q.yaml"], "--workers", "2", "--keep-stages");
        Assert.True(code == 0, err);
        Assert.True(Directory.Exists(dir["kept/.stages/barrier-01"]));
    }
}
