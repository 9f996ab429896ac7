using Assay.Core.Records;
using Microsoft.Extensions.AI;

namespace Assay.Text.Embeddings;

/// <summary>
/// The embedding a record already carries in <c>features</c> (computed elsewhere, or a numeric
/// dataset). Every record must have features, all of one length; a missing or mismatched vector
/// names the record.
/// </summary>
public sealed class PrecomputedEmbedder : IEmbeddingGenerator<Record, Embedding<float>>
{
    private static readonly EmbeddingGeneratorMetadata Metadata = new("assay-features", null, "features", null);
    private int _dimensions = -1;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<Record> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var r in values)
        {
            var f = r.Features ?? throw new InvalidDataException($"record '{r.Id}' has no features; the 'features' embedder needs every record to carry its vector");
            int expected = Interlocked.CompareExchange(ref _dimensions, f.Length, -1);
            if (expected != -1 && expected != f.Length)
                throw new InvalidDataException($"record '{r.Id}' has {f.Length} features, earlier records had {expected}");
            result.Add(new Embedding<float>(f) { ModelId = "features" });
        }
        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? Metadata
        : serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() { }
}
