using System.Text.Json;
using Assay.Core.Datasets;
using Assay.Core.Records;
using Assay.Core.Tests;

namespace Assay.Cli.Tests;

[Collection("cli")]
public sealed class ValueCommandsTests
{
    private static void Blobs(string path, int n, int seed)
    {
        var rng = new Random(seed);
        using var w = new StreamWriter(path);
        for (int i = 0; i < n; i++)
        {
            int c = i % 2;
            double a = rng.NextDouble() + 1.5 * c, b = rng.NextDouble() - c;
            w.WriteLine($"{{\"id\":\"r{seed}-{i:D3}\",\"text\":\"\",\"label\":\"{(c == 0 ? "neg" : "pos")}\",\"features\":[{a.ToString(System.Globalization.CultureInfo.InvariantCulture)},{b.ToString(System.Globalization.CultureInfo.InvariantCulture)}]}}");
        }
    }

    [Fact]
    public void DropLowestWritesKeptAndRemovedDatasetsThatAddUp()
    {
        using var dir = new TempDir();
        Blobs(dir["train.jsonl"], 120, 1);
        Blobs(dir["test.jsonl"], 40, 2);
        var (code, output, err) = CliRunner.Run("value", "-m", "knn-shapley", "--train", dir["train.jsonl"], "--test", dir["test.jsonl"],
            "--drop-lowest", "0.1", "--kept", dir["kept"], "--removed", dir["removed"], "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal((120, 108, 12), (doc.RootElement.GetProperty("input").GetInt32(), doc.RootElement.GetProperty("kept").GetInt32(), doc.RootElement.GetProperty("removed").GetInt32()));
        var opts = new ReadOptions { RequireText = false };
        var removed = DatasetReader.Read(dir["removed"], opts).ToList();
        Assert.Equal(12, removed.Count);
        Assert.All(removed, r => Assert.Equal("value_v1", (string)r.Meta["removed_by"]!));
        Assert.Equal(108, DatasetReader.Read(dir["kept"], opts).Count(r => r.Meta["value"] is not null));
    }

    [Fact]
    public void EvalNoisyComparesMethodsAndWritesAReport()
    {
        using var dir = new TempDir();
        Blobs(dir["train.jsonl"], 200, 3);
        var (code, output, err) = CliRunner.Run("value", "eval", "--task", "noisy", "-m", "knn-shapley,tknn-shapley", "--train", dir["train.jsonl"],
            "--report", dir["report"], "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(2, doc.RootElement.GetArrayLength());
        var html = File.ReadAllText(Path.Combine(dir["report"], "report.html"));
        Assert.Contains("knn-shapley", html);
        Assert.Contains("<svg", html);
        Assert.True(File.Exists(Path.Combine(dir["report"], "result.json")));
    }

    [Fact]
    public void TargetValuesByKnnShapleyRegressionAndTheValuesSumToTheUtilityGain()
    {
        using var dir = new TempDir();
        var rng = new Random(7);
        string Line(string id, double x) =>
            $"{{\"id\":\"{id}\",\"text\":\"\",\"features\":[{x.ToString(System.Globalization.CultureInfo.InvariantCulture)}],\"meta\":{{\"y\":{(2 * x).ToString(System.Globalization.CultureInfo.InvariantCulture)}}}}}";
        var train = Enumerable.Range(0, 30).Select(i => (id: $"r{i:D2}", x: rng.NextDouble())).ToList();
        var test = Enumerable.Range(0, 10).Select(i => (id: $"t{i}", x: rng.NextDouble())).ToList();
        File.WriteAllLines(dir["train.jsonl"], train.Select(p => Line(p.id, p.x)));
        File.WriteAllLines(dir["test.jsonl"], test.Select(p => Line(p.id, p.x)));
        var (code, _, err) = CliRunner.Run("value", "-m", "knn-shapley", "--k", "3", "--train", dir["train.jsonl"], "--test", dir["test.jsonl"],
            "--target", "y", "-o", dir["out.jsonl"]);
        Assert.True(code == 0, err);
        var values = File.ReadAllLines(dir["out.jsonl"]).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("meta")).ToList();
        Assert.All(values, m => Assert.Equal("knn-shapley-regression", m.GetProperty("value_method").GetString()));
        // Efficiency: Σ values = U(full) − U(∅), U(S) = −mean_t (mean of the 3 nearest targets in S − y_t)², U(∅) = −mean_t y_t².
        double full = 0, empty = 0;
        foreach (var (_, x) in test)
        {
            double pred = train.OrderBy(p => Math.Abs(p.x - x)).Take(3).Average(p => 2 * p.x);
            full -= (pred - 2 * x) * (pred - 2 * x) / test.Count;
            empty -= 4 * x * x / test.Count;
        }
        Assert.Equal(full - empty, values.Sum(m => m.GetProperty("value").GetDouble()), 1e-5);
        Assert.NotEqual(0, CliRunner.Run("value", "-m", "loo", "--train", dir["train.jsonl"], "--test", dir["test.jsonl"], "--target", "y", "-o", dir["o2.jsonl"]).Code);
    }
}
