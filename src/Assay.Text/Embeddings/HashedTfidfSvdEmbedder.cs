using System.Collections.Concurrent;
using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace Assay.Text.Embeddings;

/// <summary>
/// Hashed TF-IDF reduced by randomized SVD (LSA over hashed word uni/bigrams and char 3–5-grams).
/// Embedding a document: for each hashed feature with a learned row, add (1 + ln tf) · row, where
/// row = idf · V[bucket] ([buckets × d], only buckets kept at training are stored), then L2-normalize.
/// (The L2 normalization of the TF-IDF vector before projecting is a common scale, so the final
/// normalization absorbs it.) All-unknown or empty text embeds as the zero vector.
/// Thread-safe; batches of 64+ are embedded in parallel.
/// </summary>
public sealed partial class HashedTfidfSvdEmbedder : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelId = "assay-tfidf-svd-v1";

    private readonly HashedFeaturizer _featurizer;
    private readonly BucketRanks _rowOf; // bucket → row, −1 when the bucket was dropped
    private readonly int[] _buckets;     // row → bucket
    private readonly sbyte[] _rows;      // [rows × d]: idf-weighted right singular vectors, int8 per-row quantized
    private readonly float[] _scales;    // [rows]
    private readonly ConcurrentBag<FeatureCounts> _scratch = [];
    private readonly EmbeddingGeneratorMetadata _metadata;

    internal HashedTfidfSvdEmbedder(int bucketBits, int dimensions, ulong seed, int[] buckets, sbyte[] rows, float[] scales)
    {
        BucketBits = bucketBits;
        Dimensions = dimensions;
        Seed = seed;
        _featurizer = new HashedFeaturizer(bucketBits);
        _buckets = buckets;
        _rows = rows;
        _scales = scales;
        _rowOf = new BucketRanks(1 << bucketBits, buckets);
        _metadata = new EmbeddingGeneratorMetadata("assay", null, ModelId, dimensions);
    }

    public int Dimensions { get; }
    public int BucketBits { get; }
    public ulong Seed { get; }
    /// <summary>Hashed features that have a learned row.</summary>
    public int Features => _buckets.Length;

    /// <summary>Trains on documents (see <see cref="TfidfSvdOptions"/>).</summary>
    public static HashedTfidfSvdEmbedder Train(IEnumerable<string> documents, TfidfSvdOptions options,
        IProgress<Core.Progress.ProgressInfo>? progress = null, CancellationToken ct = default) =>
        HashedTfidfSvdTrainer.Train(documents, options, progress, ct);

    /// <summary>Writes the L2-normalized embedding of <paramref name="text"/> into <paramref name="destination"/> [d].</summary>
    public void Embed(ReadOnlySpan<char> text, Span<float> destination)
    {
        if (destination.Length != Dimensions) throw new ArgumentException($"destination has {destination.Length} floats, the model has {Dimensions} dimensions");
        if (!_scratch.TryTake(out var counts)) counts = new FeatureCounts();
        try
        {
            _featurizer.Featurize(text, counts);
            destination.Clear();
            int d = Dimensions;
            // Resolve rows first so each can be prefetched a few rows before it is read.
            var touched = counts.Touched;
            var rows = counts.Rows;
            rows.Clear();
            foreach (int b in touched)
                if (_rowOf.RowOf(b) is >= 0 and var r) rows.Add((r, counts.CountOf(b)));
            const int Ahead = 8;
            for (int i = 0; i < Math.Min(Ahead, rows.Count); i++) QuantizedRows.Prefetch(_rows.AsSpan(rows[i].Row * d, d));
            for (int i = 0; i < rows.Count; i++)
            {
                if (i + Ahead < rows.Count) QuantizedRows.Prefetch(_rows.AsSpan(rows[i + Ahead].Row * d, d));
                var (r, c) = rows[i];
                float w = (1 + MathF.Log(c)) * _scales[r]; // sublinear TF (Salton & Buckley 1988) × the row's quantization scale
                QuantizedRows.Accumulate(_rows.AsSpan(r * d, d), w, destination);
            }
            float norm = TensorPrimitives.Norm(destination);
            if (norm > 0) TensorPrimitives.Divide(destination, norm, destination);
        }
        finally
        {
            counts.Clear();
            _scratch.Add(counts);
        }
    }

    public float[] Embed(string text)
    {
        var v = new float[Dimensions];
        Embed(text, v);
        return v;
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values as IList<string> ?? values.ToList();
        var vectors = new float[texts.Count][];
        if (texts.Count >= 64)
            Parallel.For(0, texts.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => vectors[i] = Embed(texts[i]));
        else
            for (int i = 0; i < texts.Count; i++) { cancellationToken.ThrowIfCancellationRequested(); vectors[i] = Embed(texts[i]); }
        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = ModelId }));
        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() { }
}
