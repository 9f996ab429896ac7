using System.Numerics.Tensors;

namespace Assay.Curation.Dedup;

/// <summary>
/// k-means on unit vectors with cosine similarity (spherical k-means, as SemDeDup runs it with
/// faiss): k-means++ seeding (Arthur and Vassilvitskii 2007) with D² = 2 − 2·cos, then Lloyd
/// iterations until no assignment changes. Seeded; the assignment step runs in parallel but every
/// reduction is sequential, so results do not depend on thread count.
/// </summary>
internal static class SphericalKMeans
{
    /// <param name="x">n × d row-major unit vectors.</param>
    /// <returns>Cluster of every row and the k × d unit centroids.</returns>
    public static (int[] Assignment, float[] Centroids) Fit(float[] x, int n, int d, int k, int maxIterations, int seed, CancellationToken ct)
    {
        k = Math.Min(k, n);
        var rng = new Random(seed);
        var c = new float[k * d];
        var assign = new int[n];
        if (n == 0)
            return (assign, c);
        // k-means++ seeding.
        var dist = new double[n];
        int first = rng.Next(n);
        x.AsSpan(first * d, d).CopyTo(c);
        for (int i = 0; i < n; i++)
            dist[i] = D2(x, i, c, 0, d);
        for (int j = 1; j < k; j++)
        {
            double total = 0;
            for (int i = 0; i < n; i++)
                total += dist[i];
            int pick;
            if (total <= 0)
            {
                pick = rng.Next(n);
            }
            else
            {
                double u = rng.NextDouble() * total, acc = 0;
                pick = n - 1;
                for (int i = 0; i < n; i++)
                {
                    acc += dist[i];
                    if (acc > u)
                    {
                        pick = i;
                        break;
                    }
                }
            }
            x.AsSpan(pick * d, d).CopyTo(c.AsSpan(j * d));
            for (int i = 0; i < n; i++)
                dist[i] = Math.Min(dist[i], D2(x, i, c, j, d));
        }
        // Lloyd.
        Array.Fill(assign, -1);
        var sums = new float[k * d];
        var counts = new int[k];
        for (int iter = 0; iter < maxIterations; iter++)
        {
            ct.ThrowIfCancellationRequested();
            int changed = 0;
            var changedFlags = new bool[n];
            Parallel.For(0, n, i =>
            {
                int best = Nearest(x.AsSpan(i * d, d), c, k, d);
                if (best != assign[i])
                {
                    assign[i] = best;
                    changedFlags[i] = true;
                }
            });
            foreach (bool f in changedFlags)
                changed += f ? 1 : 0;
            if (changed == 0)
                break;
            Array.Clear(sums);
            Array.Clear(counts);
            for (int i = 0; i < n; i++)
            {
                TensorPrimitives.Add(sums.AsSpan(assign[i] * d, d), x.AsSpan(i * d, d), sums.AsSpan(assign[i] * d, d));
                counts[assign[i]]++;
            }
            for (int j = 0; j < k; j++)
            {
                if (counts[j] == 0)
                    continue; // empty cluster keeps its old centroid
                var s = sums.AsSpan(j * d, d);
                float norm = TensorPrimitives.Norm(s);
                if (norm > 0)
                    TensorPrimitives.Divide(s, norm, c.AsSpan(j * d, d));
            }
        }
        return (assign, c);
    }

    public static int Nearest(ReadOnlySpan<float> v, float[] c, int k, int d)
    {
        int best = 0;
        float bestSim = float.NegativeInfinity;
        for (int j = 0; j < k; j++)
        {
            float s = TensorPrimitives.Dot(v, c.AsSpan(j * d, d));
            if (s > bestSim)
            {
                bestSim = s;
                best = j;
            }
        }
        return best;
    }

    private static double D2(float[] x, int i, float[] c, int j, int d) =>
        Math.Max(0, 2 - 2 * (double)TensorPrimitives.Dot(x.AsSpan(i * d, d), c.AsSpan(j * d, d)));
}
