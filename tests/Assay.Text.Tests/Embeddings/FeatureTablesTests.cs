using Assay.Text.Embeddings;

namespace Assay.Text.Tests.Embeddings;

public sealed class FeatureTablesTests
{
    [Fact]
    public void Feature_counts_match_a_dictionary_through_growth_and_clear()
    {
        var rng = new Random(6);
        var counts = new FeatureCounts();
        for (int round = 0; round < 3; round++)
        {
            var expected = new Dictionary<int, int>();
            var order = new List<int>();
            for (int i = 0; i < 20_000; i++)
            {
                int b = rng.Next(1 << 20) & (round == 1 ? 0xFF0 : ~0); // round 1: many collisions on the low bits
                counts.Add(b);
                if (!expected.TryGetValue(b, out int c)) order.Add(b);
                expected[b] = c + 1;
            }
            Assert.Equal(order, counts.Touched);
            foreach (var (b, c) in expected) Assert.Equal(c, counts.CountOf(b));
            counts.Clear();
            Assert.Empty(counts.Touched);
            Assert.Equal(0, counts.CountOf(order[0]));
        }
    }

    [Fact]
    public void Bucket_ranks_number_kept_buckets_in_order()
    {
        int[] kept = [0, 1, 63, 64, 65, 1000, (1 << 20) - 1];
        var ranks = new BucketRanks(1 << 20, kept);
        for (int i = 0; i < kept.Length; i++) Assert.Equal(i, ranks.RowOf(kept[i]));
        Assert.Equal(-1, ranks.RowOf(2));
        Assert.Equal(-1, ranks.RowOf(999));
        Assert.Throws<InvalidDataException>(() => new BucketRanks(1 << 20, [5, 5]));
    }
}
