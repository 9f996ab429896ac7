using System.Numerics.Tensors;

namespace Assay.Curation.Dedup;

/// <summary>
/// SemDeDup over precomputed embeddings: L2-normalize, cluster with spherical k-means, and within
/// each cluster greedily keep points in order (farthest from the centroid first, then id),
/// removing a point whose cosine similarity to any kept point exceeds 1 − ε. Zero vectors are
/// kept and never compared. Cost within a cluster is O(m·kept·d). Points are processed in id order
/// (k-means' seeding and sums depend on the order), so the decisions do not depend on the input order —
/// nor on how a pipeline stage was split into tasks.
/// </summary>
public static class SemanticDeduplicator
{
    public static IReadOnlyList<SemDedupDecision> Run(IReadOnlyList<string> ids, IReadOnlyList<float[]> embeddings, SemDedupOptions options, CancellationToken ct = default)
    {
        options.Validate();
        if (ids.Count != embeddings.Count)
            throw new ArgumentException($"{ids.Count} ids but {embeddings.Count} embeddings.");
        var perm = Enumerable.Range(0, ids.Count).OrderBy(i => ids[i], StringComparer.Ordinal).ThenBy(i => i).ToArray();
        var sorted = RunInOrder(perm.Select(i => ids[i]).ToList(), perm.Select(i => embeddings[i]).ToList(), options, ct);
        var decisions = new SemDedupDecision[ids.Count];
        for (int k = 0; k < perm.Length; k++) decisions[perm[k]] = sorted[k];
        return decisions;
    }

    private static SemDedupDecision[] RunInOrder(IReadOnlyList<string> ids, IReadOnlyList<float[]> embeddings, SemDedupOptions options, CancellationToken ct)
    {
        int n = ids.Count;
        if (n == 0)
            return [];
        int d = embeddings[0].Length;
        var x = new float[n * d];
        var zero = new bool[n];
        for (int i = 0; i < n; i++)
        {
            if (embeddings[i].Length != d)
                throw new ArgumentException($"embedding of '{ids[i]}' has {embeddings[i].Length} dimensions, expected {d}.");
            float norm = TensorPrimitives.Norm(embeddings[i]);
            if (norm == 0 || !float.IsFinite(norm))
                zero[i] = true;
            else
                TensorPrimitives.Divide(embeddings[i], norm, x.AsSpan(i * d, d));
        }
        var (assign, centroids) = SphericalKMeans.Fit(x, n, d, options.Clusters, options.MaxIterations, options.Seed, ct);
        var decisions = new SemDedupDecision[n];
        float limit = (float)(1 - options.Eps);
        foreach (var members in Enumerable.Range(0, n).GroupBy(i => assign[i]))
        {
            ct.ThrowIfCancellationRequested();
            int cl = members.Key;
            var order = members
                .OrderBy(i => TensorPrimitives.Dot(x.AsSpan(i * d, d), centroids.AsSpan(cl * d, d)))
                .ThenBy(i => ids[i], StringComparer.Ordinal)
                .ToList();
            var kept = new List<int>();
            foreach (int i in order)
            {
                if (zero[i])
                {
                    decisions[i] = new SemDedupDecision(ids[i], cl, true, null, 0);
                    continue;
                }
                int dup = -1;
                float sim = 0;
                foreach (int j in kept)
                {
                    float s = TensorPrimitives.Dot(x.AsSpan(i * d, d), x.AsSpan(j * d, d));
                    if (s > limit && s > sim)
                    {
                        dup = j;
                        sim = s;
                    }
                }
                if (dup < 0)
                {
                    kept.Add(i);
                    decisions[i] = new SemDedupDecision(ids[i], cl, true, null, 0);
                }
                else
                {
                    decisions[i] = new SemDedupDecision(ids[i], cl, false, ids[dup], sim);
                }
            }
        }
        return decisions;
    }
}
