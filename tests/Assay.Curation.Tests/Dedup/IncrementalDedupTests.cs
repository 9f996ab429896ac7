using Assay.Core.Datasets;
using Assay.Core.Records;
using Assay.Curation.Dedup;

namespace Assay.Curation.Tests.Dedup;

/// <summary>Dedup of B against A's index equals dedup of A ∪ B restricted to B's records (A's ids sort first, so "old wins" and "lowest id" agree).</summary>
public sealed class IncrementalDedupTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "assay-incr-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
            Directory.Delete(_dir, recursive: true);
    }

    private DatasetInput Input(string name, IEnumerable<Record> records) => TestDatasets.Write(Path.Combine(_dir, name), records);

    // id → duplicate_of (null when kept), over kept and removed records.
    private Dictionary<string, string?> Dedup(string name, DatasetInput input, DedupMethod method, string? index = null, string[]? against = null)
    {
        string out_ = Path.Combine(_dir, name);
        DatasetDedup.Run(input, out_ + "-kept", out_ + "-removed", new DatasetDedupOptions
        {
            Method = method,
            WorkDir = out_ + "-work",
            IndexDir = index,
            Against = against ?? [],
        }, ct: TestContext.Current.CancellationToken);
        return DatasetReader.Read(out_ + "-kept").Select(r => (r.Id, (string?)null))
            .Concat(DatasetReader.Read(out_ + "-removed").Select(r => (r.Id, r.GetMetaString("duplicate_of"))))
            .ToDictionary(x => x.Id, x => x.Item2);
    }

    [Theory]
    [InlineData(DedupMethod.Exact)]
    [InlineData(DedupMethod.MinHash)]
    public void AgainstIndexEqualsUnionRestrictedToNewRecords(DedupMethod method)
    {
        var texts = RealText.Documents(23, 120, 120);
        var corpus = NearDuplicateCorpus.Generate(5, texts.Take(60).ToList(), variantsPerDoc: 3, minJaccard: 0.85);
        var docs = corpus.Documents;
        // A: bases 0..59 and their variant 0; a few exact copies inside A too.
        var a = docs.Where(d => d.Variant <= 0).Select(d => new Record("a-" + d.Id, d.Text))
            .Concat(Enumerable.Range(0, 5).Select(i => new Record($"a-copy{i}", texts[i].ToUpperInvariant()))).ToList();
        // B: variants 1 and 2, re-wrapped copies of A's bases, and texts A has never seen (with copies among themselves).
        var b = docs.Where(d => d.Variant >= 1).Select(d => new Record("b-" + d.Id, d.Text))
            .Concat(Enumerable.Range(0, 20).Select(i => new Record($"b-copy{i}", texts[i * 3].Replace(" ", "\n"))))
            .Concat(Enumerable.Range(60, 60).Select(i => new Record($"b-new{i}", texts[i])))
            .Concat(Enumerable.Range(60, 10).Select(i => new Record($"b-new{i}-again", texts[i] + " ")))
            .ToList();
        string index = Path.Combine(_dir, "index-a");
        var first = Dedup("a", Input("in-a", a), method, index: index);
        var incremental = Dedup("b", Input("in-b", b), method, against: [index]);
        var union = Dedup("ab", Input("in-ab", a.Concat(b)), method);

        Assert.Equal(first, a.ToDictionary(r => r.Id, r => union[r.Id])); // A's own run matches the union on A's records
        Assert.Equal(b.Select(r => r.Id).ToHashSet(), incremental.Keys.ToHashSet());
        var mismatched = b.Where(r => incremental[r.Id] != union[r.Id]).Select(r => $"{r.Id}: {incremental[r.Id]} vs {union[r.Id]}").ToList();
        Assert.Empty(mismatched);
        // The index did work: B records removed as duplicates of A's records.
        Assert.True(b.Count(r => incremental[r.Id]?.StartsWith("a-", StringComparison.Ordinal) == true) >= 20);
    }

    [Fact]
    public void IndexOfTheOtherMethodOrOtherSettingsIsRefused()
    {
        var input = Input("in", RealText.Documents(29, 10, 60).Select((t, i) => new Record($"r{i}", t)));
        string index = Path.Combine(_dir, "index");
        Dedup("exact", input, DedupMethod.Exact, index: index);
        Assert.Throws<FileNotFoundException>(() => Dedup("mh", input, DedupMethod.MinHash, against: [index]));
        Dedup("mh2", input, DedupMethod.MinHash, index: index);
        var other = new DatasetDedupOptions { Method = DedupMethod.MinHash, WorkDir = Path.Combine(_dir, "w3"), Against = [index], MinHash = new MinHashOptions { NumPerm = 256 } };
        Assert.Throws<InvalidDataException>(() => DatasetDedup.Run(input, Path.Combine(_dir, "k3"), Path.Combine(_dir, "r3"), other, ct: TestContext.Current.CancellationToken));
    }
}
