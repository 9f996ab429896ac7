using Assay.Core.Records;
using Assay.Text.Embeddings;
using Microsoft.Extensions.AI;

namespace Assay.Valuation.Data;

/// <summary>
/// The vectors valuation works on: a record's <c>features</c> when it has them, otherwise its text
/// embedded by the embedder named as <see cref="EmbedderFactory"/> reads it (<c>tfidf:PATH</c>,
/// <c>openai:MODEL</c>, a model file). Embedded records are copies, so the records written out keep
/// their own fields. Without an embedder a record lacking features is an error naming it.
/// </summary>
public static class FeatureFill
{
    public static IReadOnlyList<Record> WithFeatures(IReadOnlyList<Record> records, string? embedder, string what, CancellationToken ct = default)
    {
        if (records.All(r => r.Features is not null)) return records;
        var view = records.Select(r => r.Features is null ? r.Clone() : r).ToList();
        var missing = view.Where(r => r.Features is null).ToList();
        if (embedder is null)
            throw new InvalidDataException($"{what} record '{missing[0].Id}' has no 'features' ({missing.Count} such records); give an embedder (tfidf:PATH from `assay embed train`, or openai:MODEL) to embed their text");
        using var generator = EmbedderFactory.Create(embedder);
        const int Batch = 256;
        for (int start = 0; start < missing.Count; start += Batch)
        {
            var batch = missing.GetRange(start, Math.Min(Batch, missing.Count - start));
            var vectors = generator.GenerateAsync(batch, cancellationToken: ct).GetAwaiter().GetResult();
            for (int i = 0; i < batch.Count; i++) batch[i].Features = vectors[i].Vector.ToArray();
        }
        return view;
    }
}
