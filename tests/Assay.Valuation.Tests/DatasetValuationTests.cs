using Assay.Core.Datasets;
using Assay.Core.IO;
using Assay.Core.Records;
using Assay.Valuation.Methods;
using Assay.Valuation.Steps;

namespace Assay.Valuation.Tests;

public sealed class DatasetValuationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("assay-value-step-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static List<Record> Records(Data.DenseData d, string prefix) =>
        Enumerable.Range(0, d.Count).Select(i => new Record($"{prefix}{i:D3}", "")
        {
            Label = Label.Of(d.Labels[i]),
            Features = d.Row(i).ToArray(),
        }).ToList();

    private string Write(string name, IEnumerable<Record> records)
    {
        var path = Path.Combine(_dir, name);
        using var w = new DatasetWriter(path);
        foreach (var r in records) w.Write(r);
        w.Complete(name);
        return path;
    }

    [Fact]
    public void Input_equals_kept_plus_removed_and_the_lowest_values_go()
    {
        var (train, test) = TestData.Split(200, 40, 5, 3, 21, spread: 1.5);
        var kept = new List<Record>();
        var removed = new List<Record>();
        var r = DatasetValuation.Run(Records(train, "r"), Records(test, "t"), new ValueStepOptions(DropFraction: 0.29), kept.Add, removed.Add);
        Assert.Equal((200L, 142L, 58L), (r.Counts.In, r.Counts.Kept, r.Counts.RemovedTotal));
        Assert.Equal(200, kept.Count + removed.Count);
        Assert.All(kept.Concat(removed), x => Assert.NotNull(x.Meta["value"]));
        Assert.All(removed, x => Assert.Equal((DatasetValuation.StepName, DatasetValuation.Reason), ((string)x.Meta["removed_by"]!, (string)x.Meta["reason"]!)));
        double maxRemoved = removed.Max(x => (double)x.Meta["value"]!);
        Assert.Equal(r.Cutoff, maxRemoved);
        Assert.All(kept, x => Assert.True((double)x.Meta["value"]! >= maxRemoved));
        Assert.Equal(kept.Select(x => x.Id).Order(StringComparer.Ordinal), kept.Select(x => x.Id)); // input order
    }

    [Fact]
    public void Ties_break_by_id_and_reruns_write_the_same_bytes_for_any_thread_count()
    {
        var (train, test) = TestData.Split(60, 20, 4, 2, 5);
        var records = Records(train, "r");
        // Exact duplicates of one point get equal values; only the one with the smaller id may go first.
        for (int i = 0; i < 4; i++) records.Add(new Record($"dup{3 - i}", "") { Label = Label.Of(train.Labels[0] == 0 ? 1 : 0), Features = train.Row(0).ToArray() });
        string trainPath = Write("train", records), testPath = Write("test", Records(test, "t"));
        string Run(int threads)
        {
            var outDir = Path.Combine(_dir, $"run{threads}");
            var options = new ValueStepOptions(DropFraction: 2.0 / 64, Settings: new ValuationSettings(MaxDegreeOfParallelism: threads));
            DatasetValuation.Run(DatasetInput.Resolve(trainPath), DatasetInput.Resolve(testPath), options, Path.Combine(outDir, "kept"), Path.Combine(outDir, "removed"));
            return string.Concat(new[] { "kept", "removed" }.SelectMany(s => Directory.GetFiles(Path.Combine(outDir, s), "*.jsonl").Order()).Select(File.ReadAllText));
        }
        Assert.Equal(Run(1), Run(2));

        // Equal values (same point, same label: adjacent in every distance order) are cut inside the group by id.
        var all = new List<Record>();
        DatasetValuation.Run(records, Records(test, "t"), new ValueStepOptions(), all.Add, _ => { });
        double dupValue = (double)all.Single(x => x.Id == "dup0").Meta["value"]!;
        Assert.All(all.Where(x => x.Id.StartsWith("dup", StringComparison.Ordinal)), x => Assert.Equal(dupValue, (double)x.Meta["value"]!));
        int below = all.Count(x => (double)x.Meta["value"]! < dupValue);
        var removed = new List<string>();
        DatasetValuation.Run(records, Records(test, "t"), new ValueStepOptions(DropFraction: (below + 2.0) / records.Count), _ => { }, x => removed.Add(x.Id));
        Assert.Equal(["dup0", "dup1"], removed.Where(id => id.StartsWith("dup", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void Drop_fraction_outside_0_1_is_refused(double f) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ValueStepOptions(DropFraction: f).Validated());
}
