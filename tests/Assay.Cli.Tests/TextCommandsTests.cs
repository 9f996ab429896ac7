using System.Text.Json;
using Assay.Core.Tests;

namespace Assay.Cli.Tests;

[Collection("cli")]
public sealed class TextCommandsTests
{
    [Fact]
    public void TokenizeWritesIdsOrCountsPerRecord()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["in.jsonl"], "{\"id\":\"a\",\"text\":\"hello world\"}\n{\"id\":\"b\",\"text\":\"\"}\n");
        var (code, _, err) = CliRunner.Run("tokenize", "--encoding", "cl100k_base", "--input", dir["in.jsonl"], "--output", dir["ids.jsonl"]);
        Assert.True(code == 0, err);
        var lines = File.ReadAllLines(dir["ids.jsonl"]);
        Assert.Equal("""{"id":"a","tokens":[15339,1917]}""", lines[0]); // cl100k_base ids of "hello world"
        Assert.Equal("""{"id":"b","tokens":[]}""", lines[1]);

        (code, _, err) = CliRunner.Run("tokenize", "--input", dir["in.jsonl"], "--output", dir["n.jsonl"], "--count");
        Assert.True(code == 0, err);
        Assert.Equal("""{"id":"a","n_tokens":2}""", File.ReadAllLines(dir["n.jsonl"])[0]);

        (code, _, err) = CliRunner.Run("tokenize", "--input", dir["in.jsonl"]);
        Assert.Equal(1, code);
        Assert.Contains("needs --input DATASET and --output", err);
    }

    [Fact]
    public void StatsReportsTokensAndLanguages()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["in.jsonl"],
            "{\"id\":\"a\",\"text\":\"The weather is nice today and we walk by the river.\"}\n" +
            "{\"id\":\"b\",\"text\":\"Il fait beau aujourd'hui et nous marchons au bord de la rivière.\"}\n");
        var (code, output, err) = CliRunner.Run("stats", dir["in.jsonl"], "-o", dir["out"], "--tokenizer", "cl100k_base", "--langid", "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var stats = doc.RootElement.GetProperty("stats");
        Assert.True(stats.GetProperty("tokens").GetInt64() > 20);
        var langs = stats.GetProperty("languages");
        Assert.Equal(1, langs.GetProperty("en").GetInt64());
        Assert.Equal(1, langs.GetProperty("fr").GetInt64());
    }
}

[Collection("cli")]
public sealed class TrainCommandsTests
{
    [Fact]
    public void ClassifierLearnsASeparableTaskAndReportsHeldOutAccuracy()
    {
        using var dir = new TempDir();
        var rng = new Random(5);
        using (var w = new StreamWriter(dir["d.jsonl"]))
            for (int i = 0; i < 400; i++)
            {
                int c = i % 2;
                double a = rng.NextDouble() + 2 * c, b = rng.NextDouble() - c;
                w.WriteLine($"{{\"id\":\"r{i}\",\"text\":\"\",\"label\":\"{(c == 0 ? "neg" : "pos")}\",\"features\":[{a.ToString(System.Globalization.CultureInfo.InvariantCulture)},{b.ToString(System.Globalization.CultureInfo.InvariantCulture)}]}}");
            }
        foreach (var model in new[] { "linear", "mlp" })
        {
            var (code, output, err) = CliRunner.Run("train", "classifier", "--data", dir["d.jsonl"], "--model", model, "--json");
            Assert.True(code == 0, err);
            using var doc = JsonDocument.Parse(output);
            Assert.True(doc.RootElement.GetProperty("HeldOutAccuracy").GetDouble() > 0.95, output);
            Assert.Equal(400, doc.RootElement.GetProperty("Train").GetInt32() + doc.RootElement.GetProperty("HeldOut").GetInt32());
        }
    }
}
