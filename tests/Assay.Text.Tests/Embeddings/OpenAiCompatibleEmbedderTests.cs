using Assay.Text.Embeddings;

namespace Assay.Text.Tests.Embeddings;

public sealed class OpenAiCompatibleEmbedderTests
{
    private static OpenAiCompatibleEmbedder Client(EmbeddingsStub stub, int batch = 4, int retries = 3) => new(new OpenAiEmbedderOptions
    {
        Model = "stub-embed",
        Endpoint = stub.BaseUrl,
        ApiKey = "test-key",
        BatchSize = batch,
        MaxRetries = retries,
        InitialBackoff = TimeSpan.FromMilliseconds(5),
        Timeout = TimeSpan.FromSeconds(20),
    });

    [Fact]
    public async Task Batches_requests_and_returns_vectors_in_input_order()
    {
        using var stub = new EmbeddingsStub();
        using var embedder = Client(stub);
        var texts = Enumerable.Range(0, 10).Select(i => $"document number {i}").ToList();
        var result = await embedder.GenerateAsync(texts);
        Assert.Equal(10, result.Count);
        for (int i = 0; i < texts.Count; i++) Assert.Equal(EmbeddingsStub.VectorFor(texts[i]), result[i].Vector.ToArray());
        Assert.Equal([4, 4, 2], stub.Requests.Select(r => r.Batch));
        Assert.All(stub.Requests, r => { Assert.Equal("Bearer test-key", r.Auth); Assert.Equal("stub-embed", r.Model); });
        Assert.Equal(30, result.Usage!.InputTokenCount);
    }

    [Fact]
    public async Task Retries_transient_failures_then_succeeds()
    {
        using var stub = new EmbeddingsStub { FailFirst = 2, FailStatus = 429 };
        using var embedder = Client(stub);
        var result = await embedder.GenerateAsync(["a", "b"]);
        Assert.Equal(EmbeddingsStub.VectorFor("b"), result[1].Vector.ToArray());
        Assert.Equal(3, embedder.Requests);
    }

    [Fact]
    public async Task Gives_up_after_max_retries_and_does_not_retry_client_errors()
    {
        using (var stub = new EmbeddingsStub { FailFirst = 100, FailStatus = 503 })
        using (var embedder = Client(stub, retries: 2))
        {
            var e = await Assert.ThrowsAsync<HttpRequestException>(() => embedder.GenerateAsync(["a"]));
            Assert.Contains("503", e.Message);
            Assert.Equal(3, embedder.Requests);
        }
        using (var stub = new EmbeddingsStub { FailFirst = 100, FailStatus = 400 })
        using (var embedder = Client(stub, retries: 5))
        {
            var e = await Assert.ThrowsAsync<HttpRequestException>(() => embedder.GenerateAsync(["a"]));
            Assert.Contains("400", e.Message);
            Assert.Equal(1, embedder.Requests);
        }
    }
}
