using Assay.Curation.Dedup;

namespace Assay.Curation.Tests.Dedup;

public sealed class MinHashQualityTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "assay-minhash-q-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
            Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void FindsNearDuplicatesAboveNinetyAndMergesNothingBelowHalf()
    {
        var bases = RealText.Documents(11, 400, 200);
        var corpus = NearDuplicateCorpus.Generate(7, bases, variantsPerDoc: 3, minJaccard: 0.2);
        var docs = corpus.Documents.Select(d => new DedupDocument(d.Id, d.Text)).ToList();
        var result = MinHashDeduplicator.Run(docs, _dir, new MinHashOptions { Threshold = 0.8 }, ct: TestContext.Current.CancellationToken);

        // Cluster label = keeper id.
        var cluster = result.Decisions.ToDictionary(d => d.Id, d => d.DuplicateOf ?? d.Id);
        var high = corpus.Pairs.Where(p => p.Jaccard >= 0.9).ToList();
        Assert.True(high.Count >= 200, $"only {high.Count} pairs with J ≥ 0.9; generator broken?");
        int found = high.Count(p => cluster[p.BaseId] == cluster[p.VariantId]);
        double recall = found / (double)high.Count;
        Assert.True(recall >= 0.95, $"recall at J ≥ 0.9: {recall:P1} ({found}/{high.Count})");

        // Every pair of documents put in one cluster must have true Jaccard ≥ 0.5.
        var text = docs.ToDictionary(d => d.Id, d => d.Text);
        var members = cluster.GroupBy(kv => kv.Value).Where(g => g.Count() > 1).Select(g => g.Select(kv => kv.Key).ToList()).ToList();
        int merged = 0;
        foreach (var m in members)
        {
            for (int i = 0; i < m.Count; i++)
            {
                for (int j = i + 1; j < m.Count; j++)
                {
                    double jac = NearDuplicateCorpus.Jaccard(text[m[i]], text[m[j]]);
                    Assert.True(jac >= 0.5, $"{m[i]} and {m[j]} merged at true Jaccard {jac:F3}");
                    merged++;
                }
            }
        }
        Assert.True(merged >= high.Count, $"{merged} merged pairs");
        var low = corpus.Pairs.Where(p => p.Jaccard < 0.5).ToList();
        Assert.True(low.Count >= 100, $"only {low.Count} pairs with J < 0.5 to test precision on");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"bands {result.Bands.Bands}x{result.Bands.Rows}: recall {recall:P2} ({found}/{high.Count}) at J >= 0.9; {merged} merged pairs, none below 0.5; {low.Count} base-variant pairs below 0.5");
    }

    [Fact]
    public void GeneratorHitsRequestedJaccardRangeAndIsDeterministic()
    {
        var bases = RealText.Documents(5, 30, 150);
        var a = NearDuplicateCorpus.Generate(1, bases, variantsPerDoc: 4, minJaccard: 0.3);
        var b = NearDuplicateCorpus.Generate(1, bases, variantsPerDoc: 4, minJaccard: 0.3);
        Assert.Equal(a.Documents, b.Documents);
        Assert.Equal(30 * 5, a.Documents.Count);
        // Recorded Jaccard is the true one, and variants spread over the range.
        var text = a.Documents.ToDictionary(d => d.Id, d => d.Text);
        foreach (var p in a.Pairs)
            Assert.Equal(NearDuplicateCorpus.Jaccard(text[p.BaseId], text[p.VariantId]), p.Jaccard, 12);
        Assert.Contains(a.Pairs, p => p.Jaccard < 0.5);
        Assert.Contains(a.Pairs, p => p.Jaccard >= 0.9);
        // Variants are re-wrapped or re-cased: their raw text differs from the base even at Jaccard 1.
        Assert.All(a.Pairs, p => Assert.NotEqual(text[p.BaseId], text[p.VariantId]));
    }
}
