using System.Text.Json;
using Assay.Core.Tests;

namespace Assay.Cli.Tests;

[Collection("cli")]
public sealed class CliBasicsTests
{
    [Fact]
    public void EveryCommandHasHelp()
    {
        var root = Infrastructure.CliApp.Build();
        foreach (var cmd in root.Subcommands.SelectMany(c => c.Subcommands.Prepend(c)))
            Assert.False(string.IsNullOrWhiteSpace(cmd.Description), $"command '{cmd.Name}' has no description");
        var (code, output, _) = CliRunner.Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("stats", output);
        Assert.Contains("data", output);
    }

    [Fact]
    public void BadInputGivesOneLineErrorAndNonZeroExit()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["bad.jsonl"], "{\"id\":\"a\",\"text\":\"ok\"}\n{oops\n");
        var (code, output, err) = CliRunner.Run("stats", dir["bad.jsonl"], "-o", dir["out"]);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("assay: error:"));
        Assert.Contains("bad.jsonl:2: invalid JSON", line);
        Assert.Contains("--on-error quarantine", line);
    }

    [Fact]
    public void QuarantineGoesOnAndJsonIsMachineReadable()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["bad.jsonl"], "{\"id\":\"a\",\"text\":\"one two\"}\n{oops\n{\"id\":\"b\",\"text\":\"three\"}\n");
        var (code, output, _) = CliRunner.Run("stats", dir["bad.jsonl"], "-o", dir["out"], "--on-error", "quarantine", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var stats = doc.RootElement.GetProperty("stats");
        Assert.Equal(2, stats.GetProperty("records").GetInt64());
        Assert.Equal(1, stats.GetProperty("quarantined").GetInt64());
        Assert.Equal(3, stats.GetProperty("words").GetInt64());
        Assert.Equal("{oops\n", File.ReadAllText(dir["out/quarantine/part-00000.lines"]));
        Assert.True(File.Exists(dir["out/report.html"]));
    }

    [Fact]
    public void MissingDatasetSaysWhatIsExpected()
    {
        var (code, _, err) = CliRunner.Run("stats", "/nonexistent/data");
        Assert.Equal(1, code);
        Assert.Contains("expected a dataset folder", err);
    }

    [Fact]
    public void UnknownPackListsKnownOnes()
    {
        var (code, _, err) = CliRunner.Run("data", "pull", "nope");
        Assert.Equal(1, code);
        Assert.Contains("known packs: sotu", err);
    }

    [Fact]
    public void DataListJsonHasEveryPack()
    {
        var (code, output, _) = CliRunner.Run("data", "list", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var names = doc.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Equal(["sotu", "spam-assassin", "moby-dick", "brown", "udhr", "nlp-corpus", "penguins", "cars", "tiktoken", "lid176"], names);
    }
}
