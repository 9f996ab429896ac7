using Assay.Text.Embeddings;

namespace Assay.Text.Tests.Embeddings;

public sealed class EmbedderFactoryTests
{
    [Fact]
    public async Task Openai_spec_uses_base_url_and_key_from_the_environment()
    {
        using var stub = new EmbeddingsStub();
        var env = new Dictionary<string, string?> { [EmbedderFactory.BaseUrlVariable] = stub.BaseUrl.ToString(), [EmbedderFactory.ApiKeyVariable] = "k-123" };
        using var embedder = EmbedderFactory.Create("openai:my-model", new EmbedderFactoryOptions { BatchSize = 2 }, name => env.GetValueOrDefault(name));
        var records = new[] { new Record("1", "hello world"), new Record("2", "second"), new Record("3", "third") };
        var result = await embedder.GenerateAsync(records);
        Assert.Equal(EmbeddingsStub.VectorFor("third"), result[2].Vector.ToArray());
        Assert.Equal([2, 1], stub.Requests.Select(r => r.Batch));
        Assert.All(stub.Requests, r => Assert.Equal(("Bearer k-123", "my-model"), (r.Auth, r.Model)));
    }

    [Fact]
    public async Task Features_spec_returns_the_records_vectors_and_names_a_record_without_them()
    {
        using var embedder = EmbedderFactory.Create("features");
        var result = await embedder.GenerateAsync([new Record("a", "") { Features = [1, 2] }, new Record("b", "") { Features = [3, 4] }]);
        Assert.Equal([3f, 4f], result[1].Vector.ToArray());
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => embedder.GenerateAsync([new Record("c", "x")]));
        Assert.Contains("'c'", e.Message);
    }

    [Fact]
    public async Task Tfidf_spec_and_bare_path_load_the_model()
    {
        var path = Path.Combine(Path.GetTempPath(), $"assay-tfidf-{Guid.NewGuid():N}.bin");
        try
        {
            var model = HashedTfidfSvdEmbedder.Train(HashedTfidfSvdEmbedderTests.TopicCorpus(), new TfidfSvdOptions { Dimensions = 8, BucketBits = 14 });
            model.Save(path);
            var rec = new Record("x", "the whale and the sea");
            foreach (var spec in new[] { "tfidf:" + path, path })
            {
                using var e = EmbedderFactory.Create(spec);
                Assert.Equal(model.Embed(rec.Text), (await e.GenerateAsync([rec]))[0].Vector.ToArray());
            }
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Unknown_name_lists_the_valid_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => EmbedderFactory.Create("bert"));
        Assert.Contains("openai:MODEL", e.Message);
        Assert.Contains("features", e.Message);
    }
}
