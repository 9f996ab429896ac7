using Assay.Core.Datasets;
using Assay.Core.Progress;
using Assay.Core.Records;
using Microsoft.Extensions.AI;

namespace Assay.Text.Embeddings;

/// <summary>Fills each record's <c>features</c> with its embedding and writes it on, in input order, batch by batch.</summary>
public static class DatasetEmbedding
{
    public static async Task<DatasetEmbeddingResult> RunAsync(IEmbeddingGenerator<Record, Embedding<float>> embedder, IEnumerable<Record> records,
        DatasetWriter writer, int batchSize = 256, IProgress<ProgressInfo>? progress = null, long? expected = null, CancellationToken ct = default)
    {
        long done = 0;
        int dims = -1;
        var batch = new List<Record>(batchSize);
        foreach (var r in records)
        {
            batch.Add(r);
            if (batch.Count == batchSize) await Flush().ConfigureAwait(false);
        }
        await Flush().ConfigureAwait(false);
        return new DatasetEmbeddingResult(done, Math.Max(dims, 0));

        async Task Flush()
        {
            if (batch.Count == 0) return;
            ct.ThrowIfCancellationRequested();
            var vectors = await embedder.GenerateAsync(batch, null, ct).ConfigureAwait(false);
            if (vectors.Count != batch.Count) throw new InvalidDataException($"embedder returned {vectors.Count} vectors for {batch.Count} records");
            for (int i = 0; i < batch.Count; i++)
            {
                var v = vectors[i].Vector;
                if (dims < 0) dims = v.Length;
                else if (v.Length != dims) throw new InvalidDataException($"record '{batch[i].Id}': embedding has {v.Length} dimensions, earlier ones {dims}");
                batch[i].Features = v.ToArray();
                writer.Write(batch[i]);
            }
            done += batch.Count;
            batch.Clear();
            progress?.Report(new ProgressInfo("embed", done, expected));
        }
    }
}
