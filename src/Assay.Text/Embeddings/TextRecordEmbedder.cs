using Assay.Core.Records;
using Microsoft.Extensions.AI;

namespace Assay.Text.Embeddings;

/// <summary>Embeds records by their <c>text</c> through a string embedder, so every embedder has the record-level shape.</summary>
public sealed class TextRecordEmbedder(IEmbeddingGenerator<string, Embedding<float>> inner) : IEmbeddingGenerator<Record, Embedding<float>>
{
    public IEmbeddingGenerator<string, Embedding<float>> Inner => inner;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<Record> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        inner.GenerateAsync(values.Select(r => r.Text), options, cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : inner.GetService(serviceType, serviceKey);

    public void Dispose() => inner.Dispose();
}
