using Assay.Core.Datasets;
using Assay.Core.Records;
using Assay.Curation.Decontamination;
using Assay.Curation.Dedup;

namespace Assay.Curation.Tests.Dedup;

public sealed class DatasetDedupTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "assay-dsdedup-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
            Directory.Delete(_dir, recursive: true);
    }

    private DatasetInput Input(IEnumerable<Record> records) => TestDatasets.Write(Path.Combine(_dir, "in"), records);

    private static List<Record> Read(string folder) => DatasetReader.Read(folder).ToList();

    [Theory]
    [InlineData(DedupMethod.MinHash)]
    [InlineData(DedupMethod.Exact)]
    public void WritesKeptAndRemovedWithDuplicateOf(DedupMethod method)
    {
        var texts = RealText.Documents(31, 20, 80);
        var records = texts.Select((t, i) => new Record($"r{i:D2}", t)).ToList();
        records.Add(new Record("z-copy", texts[4].ToUpperInvariant().Replace(" ", "\n")));
        var input = Input(records);
        var options = new DatasetDedupOptions { Method = method, WorkDir = Path.Combine(_dir, "work") };
        var result = DatasetDedup.Run(input, Path.Combine(_dir, "kept"), Path.Combine(_dir, "removed"), options, ct: TestContext.Current.CancellationToken);
        Assert.Equal(21, result.Counts.In);
        Assert.Equal(20, result.Counts.Kept);
        var removed = Assert.Single(Read(Path.Combine(_dir, "removed")));
        Assert.Equal("z-copy", removed.Id);
        Assert.Equal("r04", removed.GetMetaString("duplicate_of"));
        Assert.Equal(result.Step, removed.GetMetaString("removed_by"));
        Assert.Equal(records.Take(20).Select(r => r.Id), Read(Path.Combine(_dir, "kept")).Select(r => r.Id));
    }

    [Fact]
    public void SubstringRewritesTextAndCountsCharacters()
    {
        string shared = "This boilerplate sentence is long enough to exceed fifty bytes, clearly.";
        var input = Input([new Record("a", "one. " + shared), new Record("b", "two. " + shared), new Record("c", shared)]);
        var result = DatasetDedup.Run(input, Path.Combine(_dir, "kept"), Path.Combine(_dir, "removed"),
            new DatasetDedupOptions { Method = DedupMethod.Substring }, ct: TestContext.Current.CancellationToken);
        var kept = Read(Path.Combine(_dir, "kept"));
        Assert.Equal(["a", "b"], kept.Select(r => r.Id));
        Assert.Equal("two", kept[1].Text); // ". " + shared already occurred in a
        Assert.Equal(1, result.Counts.Removed["empty_after_dedup"]);
        Assert.Equal(2, result.Counts.ChangedRecords);
        Assert.Equal(shared.Length + (". " + shared).Length, result.Counts.ChangedChars);
    }

    [Fact]
    public void DecontaminationFindsRewrappedBenchmarkInDataset()
    {
        var texts = RealText.Documents(41, 10, 60);
        // Training holds texts 0..8, with record t3 replaced by text 9 broken into one word per line.
        var train = Input(texts.Take(9).Select((t, i) => new Record($"t{i}", i == 3 ? "Intro.\n" + string.Join("\n", texts[9].Split(' ')) : t)));
        string benchFolder = Path.Combine(_dir, "bench");
        using (var w = new DatasetWriter(benchFolder))
        {
            w.Write(new Record("item", texts[9]));
            w.Complete("bench");
        }
        var report = DatasetDecontamination.Run(train, new Dictionary<string, DatasetInput> { ["b"] = DatasetInput.Resolve(benchFolder) },
            new DecontaminationOptions(), Path.Combine(_dir, "clean"), Path.Combine(_dir, "dirty"), ct: TestContext.Current.CancellationToken);
        Assert.Equal(1, report.ContaminatedRecords);
        Assert.Equal(["t3"], report.Benchmarks[0].Details[0].TrainingIds);
        Assert.Equal(8, Read(Path.Combine(_dir, "clean")).Count);
        Assert.Equal("t3", Assert.Single(Read(Path.Combine(_dir, "dirty"))).Id);
    }
}
