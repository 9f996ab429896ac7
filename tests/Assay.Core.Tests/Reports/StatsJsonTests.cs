using System.Text.Json.Nodes;
using Assay.Core.Reports;

namespace Assay.Core.Tests.Reports;

public sealed class StatsJsonTests
{
    private enum StepKind { FilterStep }

    private sealed record StepStats(string StepName, long RecordsIn, double MeanLength, StepKind Kind, Dictionary<string, long> RemovedBy);

    [Fact]
    public void Objects_are_snake_cased_indented_and_keep_dictionary_keys()
    {
        var stats = new StepStats("len <filter>", 10, 2.5, StepKind.FilterStep, new() { ["TooShort"] = 3 });
        string json = StatsJson.Serialize(stats);
        Assert.Equal(
            """
            {
              "step_name": "len <filter>",
              "records_in": 10,
              "mean_length": 2.5,
              "kind": "filter_step",
              "removed_by": {
                "TooShort": 3
              }
            }

            """, json);
    }

    [Fact]
    public void Non_finite_numbers_do_not_fail()
    {
        string json = StatsJson.Serialize(new { mean = double.NaN, max = double.PositiveInfinity });
        Assert.Contains("\"mean\": \"NaN\"", json, StringComparison.Ordinal);
        Assert.Contains("\"max\": \"Infinity\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Sort_keys_orders_nested_objects()
    {
        var node = new JsonObject { ["b"] = 1, ["a"] = new JsonObject { ["z"] = 1, ["y"] = new JsonArray(new JsonObject { ["d"] = 1, ["c"] = 2 }) } };
        string json = StatsJson.Serialize(node, sortKeys: true).Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
        Assert.Equal("{\"a\":{\"y\":[{\"c\":2,\"d\":1}],\"z\":1},\"b\":1}", json);
        // The input is left untouched.
        Assert.Equal("b", node.First().Key);
    }

    [Fact]
    public void Write_is_deterministic_and_round_trips()
    {
        string path = Path.Combine(Path.GetTempPath(), "assay-stats-" + Guid.NewGuid().ToString("N"), "stats.json");
        try
        {
            var stats = new StepStats("s", 5, 0.1, StepKind.FilterStep, new() { ["x"] = 1 });
            StatsJson.Write(path, stats);
            byte[] first = File.ReadAllBytes(path);
            StatsJson.Write(path, stats);
            Assert.Equal(first, File.ReadAllBytes(path));
            var back = JsonNode.Parse(File.ReadAllText(path))!;
            Assert.Equal(5, (long)back["records_in"]!);
            Assert.Equal(0.1, (double)back["mean_length"]!);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void Null_serializes_as_null()
    {
        Assert.Equal("null\n", StatsJson.Serialize((object?)null));
        Assert.Equal("null\n", StatsJson.Serialize((JsonNode?)null));
    }
}
