using Assay.Core.Progress;

namespace Assay.Text.Embeddings;

/// <summary>
/// Fits <see cref="HashedTfidfSvdEmbedder"/>: one pass hashes every training document into sparse
/// counts and document frequencies; buckets under the min-df are dropped; rows become
/// (1 + ln tf)·idf, L2-normalized, with smooth idf = ln((1+N)/(1+df)) + 1 (scikit-learn's default);
/// <see cref="RandomizedSvd"/> gives V [features × d]; the stored rows are idf·V, quantized to int8 per row.
/// </summary>
internal static class HashedTfidfSvdTrainer
{
    public static HashedTfidfSvdEmbedder Train(IEnumerable<string> documents, TfidfSvdOptions options, IProgress<ProgressInfo>? progress, CancellationToken ct)
    {
        options.Validate();
        var featurizer = new HashedFeaturizer(options.BucketBits);
        var counts = new FeatureCounts();
        var df = new int[featurizer.Buckets];
        var rowStart = new List<int> { 0 };
        var cols = new List<int>();
        var tfs = new List<float>();
        int docs = 0;
        foreach (var text in documents.Take(options.MaxTrainingDocuments))
        {
            ct.ThrowIfCancellationRequested();
            featurizer.Featurize(text, counts);
            foreach (int b in counts.Touched)
            {
                cols.Add(b);
                tfs.Add(1 + MathF.Log(counts.CountOf(b)));
                df[b]++;
            }
            counts.Clear();
            rowStart.Add(cols.Count);
            if (++docs % 500 == 0) progress?.Report(new ProgressInfo("featurize", docs, null, "documents"));
        }
        progress?.Report(new ProgressInfo("featurize", docs, null, "documents"));
        if (docs < 2) throw new ArgumentException($"TF-IDF/SVD training needs at least 2 documents, got {docs}");

        // Keep buckets with df ≥ min-df, numbered in bucket order.
        var column = new int[featurizer.Buckets];
        var kept = new List<int>();
        var idf = new List<float>();
        // With a feature cap, the df threshold rises to the cap-th largest df; ties at it go to lower buckets.
        int minDf = Math.Max(1, options.MinDocumentFrequency), tieBudget = int.MaxValue;
        if (options.MaxFeatures is int cap)
        {
            var sorted = df.Where(x => x >= minDf).OrderDescending().ToArray();
            if (sorted.Length > cap)
            {
                minDf = sorted[cap - 1];
                tieBudget = cap - sorted.Count(x => x > minDf);
            }
        }
        for (int b = 0; b < df.Length; b++)
        {
            if (df[b] < minDf || (df[b] == minDf && tieBudget-- <= 0)) { column[b] = -1; continue; }
            column[b] = kept.Count;
            kept.Add(b);
            idf.Add((float)(Math.Log((1.0 + docs) / (1.0 + df[b])) + 1));
        }
        if (kept.Count == 0) throw new ArgumentException($"no feature occurs in {options.MinDocumentFrequency}+ of the {docs} training documents; lower the min document frequency or add documents");

        var starts = new int[docs + 1];
        var outCols = new List<int>(cols.Count);
        var outVals = new List<float>(cols.Count);
        for (int i = 0; i < docs; i++)
        {
            int begin = outCols.Count;
            double sq = 0;
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++)
            {
                int c = column[cols[p]];
                if (c < 0) continue;
                float val = tfs[p] * idf[c];
                outCols.Add(c);
                outVals.Add(val);
                sq += (double)val * val;
            }
            float inv = sq > 0 ? (float)(1 / Math.Sqrt(sq)) : 0;
            for (int p = begin; p < outVals.Count; p++) outVals[p] *= inv;
            starts[i + 1] = outCols.Count;
        }
        var x = new SparseRowMatrix(kept.Count, starts, outCols.ToArray(), outVals.ToArray());
        int d = options.Dimensions;
        var (v, _) = RandomizedSvd.RightSingularVectors(x, d, options.Oversampling, options.PowerIterations, options.Seed,
            s => progress?.Report(new ProgressInfo("svd: " + s, 0, null, "steps")), ct);
        for (int r = 0; r < kept.Count; r++)
        {
            var row = v.AsSpan(r * d, d);
            System.Numerics.Tensors.TensorPrimitives.Multiply(row, idf[r], row);
        }
        var (q, scales) = QuantizedRows.Quantize(v, d);
        return new HashedTfidfSvdEmbedder(options.BucketBits, d, options.Seed, kept.ToArray(), q, scales);
    }
}
