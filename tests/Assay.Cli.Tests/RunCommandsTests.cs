using System.Text.Json.Nodes;
using Assay.Core.Tests;

namespace Assay.Cli.Tests;

public sealed class RunCommandsTests
{
    [Fact]
    public void PlanPrintsStagesAndTotalsWithoutWritingTheOutput()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["in"]);
        // Two parts of different record sizes, as in a concatenated corpus.
        File.WriteAllLines(dir["in/a.jsonl"], Enumerable.Range(0, 2000).Select(i => $"{{\"id\":\"s{i}\",\"text\":\"short {i}\"}}")
            .Concat(Enumerable.Range(0, 40).Select(i => $"{{\"id\":\"l{i}\",\"text\":\"{string.Join(' ', Enumerable.Repeat("long words here", 120))}\"}}")));
        File.WriteAllText(dir["p.yaml"], "input: in\noutput: out\ntasks: 2\nsplit_bytes: 16KB\nsteps:\n  - type: length_v1\n    min_words: 3\n");

        var (code, _, err) = CliRunner.Run("run", dir["p.yaml"], "--plan", "--workers", "2");
        Assert.True(code == 0, err);
        Assert.False(Directory.Exists(dir["out"]));

        var (jcode, json, jerr) = CliRunner.Run("run", dir["p.yaml"], "--plan", "--json");
        Assert.True(jcode == 0, jerr);
        var plan = JsonNode.Parse(json)!;
        long estimated = plan["EstimatedRecords"]!.GetValue<long>();
        Assert.InRange(estimated, 2040 * 0.75, 2040 * 1.25);
        Assert.Contains(plan["Stages"]!.AsArray(), s => s!["Name"]!.GetValue<string>() == "merge");
    }
}
