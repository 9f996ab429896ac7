using Assay.Curation.Dedup;

namespace Assay.Curation.Tests.Dedup;

public sealed class SemanticDedupTests
{
    private static (List<string> Ids, List<float[]> Vectors) Data(int seed)
    {
        var rng = new Random(seed);
        var ids = new List<string>();
        var vecs = new List<float[]>();
        const int d = 32;
        for (int g = 0; g < 30; g++)
        {
            var center = Enumerable.Range(0, d).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
            // 4 near copies (cosine ≈ 0.999) and 1 clearly different variant per group.
            for (int c = 0; c < 5; c++)
            {
                float noise = c < 4 ? 0.02f : 0.8f;
                ids.Add($"g{g:D2}-{c}");
                vecs.Add(center.Select(v => v + noise * (float)(rng.NextDouble() * 2 - 1)).ToArray());
            }
        }
        return (ids, vecs);
    }

    private static float Cos(float[] a, float[] b) =>
        System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(a, b);

    [Fact]
    public void KeepsOneOfEachNearCopyGroupAndTheDistinctVariants()
    {
        var (ids, vecs) = Data(1);
        var result = SemanticDeduplicator.Run(ids, vecs, new SemDedupOptions { Clusters = 10 }, TestContext.Current.CancellationToken);
        var byId = result.ToDictionary(r => r.Id);
        for (int g = 0; g < 30; g++)
        {
            Assert.Equal(1, Enumerable.Range(0, 4).Count(c => byId[$"g{g:D2}-{c}"].Keep));
            Assert.True(byId[$"g{g:D2}-4"].Keep);
        }
        var index = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        foreach (var r in result.Where(r => !r.Keep))
        {
            Assert.True(byId[r.DuplicateOf!].Keep);
            Assert.Equal(byId[r.DuplicateOf!].Cluster, r.Cluster);
            Assert.True(Cos(vecs[index[r.Id]], vecs[index[r.DuplicateOf!]]) > 0.93f);
        }
        // No two kept points of one cluster are within the threshold.
        foreach (var cluster in result.Where(r => r.Keep).GroupBy(r => r.Cluster))
        {
            var kept = cluster.Select(r => vecs[index[r.Id]]).ToList();
            for (int i = 0; i < kept.Count; i++)
                for (int j = i + 1; j < kept.Count; j++)
                    Assert.True(Cos(kept[i], kept[j]) <= 0.93f + 1e-5f);
        }
    }

    [Fact]
    public void DeterministicForASeed()
    {
        var (ids, vecs) = Data(2);
        var a = SemanticDeduplicator.Run(ids, vecs, new SemDedupOptions { Clusters = 8, Seed = 3 }, TestContext.Current.CancellationToken);
        var b = SemanticDeduplicator.Run(ids, vecs, new SemDedupOptions { Clusters = 8, Seed = 3 }, TestContext.Current.CancellationToken);
        Assert.Equal(a, b);
    }

    [Fact]
    public void RejectsMismatchedDimensions() =>
        Assert.Throws<ArgumentException>(() => SemanticDeduplicator.Run(["a", "b"], [new float[3], new float[4]], new SemDedupOptions(), TestContext.Current.CancellationToken));
}
