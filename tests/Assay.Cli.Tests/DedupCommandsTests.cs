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
        var removed = Assert.Single(Core.Datasets.DatasetReader.Read(dir["b-out-removed"]));
        Assert.Equal("b1", removed.Id);
        Assert.Equal("a1", removed.GetMetaString("duplicate_of"));
        var (bad, _, badErr) = CliRunner.Run("dedup", "-i", dir["b.jsonl"], "-o", dir["c-out"], "--method", "lines", "--against", dir["idx"]);
        Assert.Equal(1, bad);
        Assert.Contains("--against", badErr);
    }
}
