using System.Numerics.Tensors;
using Assay.Text.Embeddings;

namespace Assay.Text.Tests.Embeddings;

public sealed class HashedTfidfSvdEmbedderTests
{
    private static readonly TfidfSvdOptions Small = new() { Dimensions = 16, BucketBits = 16, Seed = 7 };

    internal static List<string> TopicCorpus(int perTopic = 30, int seed = 0)
    {
        string[][] topics =
        [
            ["ship", "whale", "harpoon", "captain", "sea", "sail", "crew", "ocean", "deck", "storm"],
            ["congress", "tax", "budget", "senate", "law", "economy", "vote", "treasury", "tariff", "bill"],
            ["protein", "cell", "enzyme", "gene", "membrane", "molecule", "dna", "tissue", "virus", "cells"],
        ];
        string[] glue = ["the", "a", "and", "of", "in", "was", "with"];
        var rng = new Random(seed);
        var docs = new List<string>();
        for (int i = 0; i < perTopic; i++)
            foreach (var t in topics)
                docs.Add(string.Join(' ', Enumerable.Range(0, 40).Select(j => j % 3 == 2 ? glue[rng.Next(glue.Length)] : t[rng.Next(t.Length)])));
        return docs;
    }

    [Fact]
    public void Similar_documents_are_closer_than_dissimilar_ones()
    {
        var model = HashedTfidfSvdEmbedder.Train(TopicCorpus(), Small);
        var sea1 = model.Embed("The captain and his crew sailed the stormy sea hunting the whale with a harpoon.");
        var sea2 = model.Embed("A storm hit the ship; the whale dove under the deck of the sailing crew.");
        var politics = model.Embed("The senate passed the budget bill and the tariff law after a vote on taxes.");
        float near = TensorPrimitives.Dot(sea1, sea2), far = TensorPrimitives.Dot(sea1, politics);
        Assert.True(near > far + 0.3f, $"cos(sea, sea) = {near}, cos(sea, politics) = {far}");
        Assert.Equal(1f, TensorPrimitives.Norm(sea1), 4);
    }

    [Fact]
    public void Same_seed_same_model_and_save_load_round_trips_exactly()
    {
        var docs = TopicCorpus();
        var a = HashedTfidfSvdEmbedder.Train(docs, Small);
        var b = HashedTfidfSvdEmbedder.Train(docs, Small);
        var c = HashedTfidfSvdEmbedder.Train(docs, Small with { Seed = 8 });
        var path = Path.Combine(Path.GetTempPath(), $"assay-tfidf-{Guid.NewGuid():N}.bin");
        try
        {
            a.Save(path);
            var loaded = HashedTfidfSvdEmbedder.Load(path);
            Assert.Equal(a.Features, loaded.Features);
            foreach (var text in docs.Take(10).Append("unseen words entirely: zyzzyva qwerty"))
            {
                var ea = a.Embed(text);
                Assert.Equal(ea, b.Embed(text));
                Assert.Equal(ea, loaded.Embed(text));
            }
            // A different seed gives a different basis but (nearly) the same geometry.
            float abDot = TensorPrimitives.Dot(a.Embed(docs[0]), a.Embed(docs[3]));
            float cDot = TensorPrimitives.Dot(c.Embed(docs[0]), c.Embed(docs[3]));
            Assert.NotEqual(a.Embed(docs[0]), c.Embed(docs[0]));
            Assert.True(Math.Abs(abDot - cDot) < 0.1f, $"{abDot} vs {cDot}");
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public async Task Empty_text_is_the_zero_vector_and_batches_match_single_calls()
    {
        var model = HashedTfidfSvdEmbedder.Train(TopicCorpus(), Small);
        Assert.All(model.Embed(""), x => Assert.Equal(0f, x));
        var docs = TopicCorpus(perTopic: 30, seed: 9); // 90 ≥ 64: the parallel path
        var batch = await model.GenerateAsync(docs);
        Assert.Equal(docs.Count, batch.Count);
        for (int i = 0; i < docs.Count; i++) Assert.Equal(model.Embed(docs[i]), batch[i].Vector.ToArray());
    }

    [Fact]
    public void Max_features_caps_the_table_and_keeps_the_geometry()
    {
        var all = HashedTfidfSvdEmbedder.Train(TopicCorpus(), Small);
        var capped = HashedTfidfSvdEmbedder.Train(TopicCorpus(), Small with { MaxFeatures = 500 });
        Assert.True(all.Features > 500);
        Assert.Equal(500, capped.Features);
        var sea = capped.Embed("the whale and the ship at sea with the crew");
        Assert.True(TensorPrimitives.Dot(sea, capped.Embed("a storm over the ocean and the deck of the ship"))
                  > TensorPrimitives.Dot(sea, capped.Embed("the senate vote on the tax bill and the budget")) + 0.3f);
    }

    [Fact]
    public void Corrupt_model_file_is_rejected_with_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"assay-tfidf-{Guid.NewGuid():N}.bin");
        try
        {
            File.WriteAllBytes(path, new byte[64]);
            var e = Assert.Throws<InvalidDataException>(() => HashedTfidfSvdEmbedder.Load(path));
            Assert.Contains(path, e.Message);
            HashedTfidfSvdEmbedder.Train(TopicCorpus(), Small).Save(path);
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..^4]);
            Assert.Throws<InvalidDataException>(() => HashedTfidfSvdEmbedder.Load(path));
        }
        finally { File.Delete(path); }
    }
}
