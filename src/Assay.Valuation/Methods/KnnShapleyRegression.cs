using Assay.Valuation.Data;
using Assay.Valuation.Kernels;

namespace Assay.Valuation.Methods;

/// <summary>
/// Exact KNN-Shapley for unweighted KNN regression (the regression case of Jia et al. 2019, Thm. 2), with
/// utility U(S) = −(1/K · Σ_{k ≤ min(K,|S|)} y_{α_k(S)} − y_t)². Our derivation of the O(N) recursion
/// (checked against enumeration in tests): for neighbours i, i+1 in distance order, with A = i − 1 closer
/// points,
///   s_i − s_{i+1} = (y_{i+1} − y_i)/K · [ min(K,i)/i · ((y_i + y_{i+1})/K − 2y_t) + 2/K · E_i ],
///   E_i = p(A)·Σ_{j&lt;i} y_j + Σ_{j&gt;i+1} y_j·p(j − 2),   p(r) = m(m+1) / (2r(r+1)),  m = min(K−1, r),
/// where p is the probability that a point enters the other K−1 neighbours while i still counts, and
///   s_N = (1/N) Σ_{k=0}^{min(K−1, N−1)} −(y_N/K)·((2k·ȳ + y_N)/K − 2y_t),  ȳ = mean target of the others.
/// Features come from <see cref="DenseData"/> (labels unused); targets are separate arrays.
/// </summary>
public sealed class KnnShapleyRegression(KnnShapleyOptions? options = null)
{
    public KnnShapleyOptions Options { get; } = (options ?? new KnnShapleyOptions()).Validated();

    public string Name => "knn-shapley-regression";

    public double[] Value(DenseData trainFeatures, double[] trainTargets, DenseData testFeatures, double[] testTargets,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        if (trainTargets.Length != trainFeatures.Count || testTargets.Length != testFeatures.Count)
            throw new ArgumentException("one target per row is required");
        var packed = new PackedTrain(trainFeatures);
        int n = packed.Count, k = Options.K;
        var total = TestBlockDriver.Run(packed, testFeatures, Options.BlockSizeFor(n), Options.MaxDegreeOfParallelism,
            () => (Keys: new ulong[n], Tmp: new ulong[n], Hist: new int[RadixSort.HistogramLength], Y: new double[n + 2], Far: new double[n + 3]),
            (t, dots, testNorm, partial, s) =>
            {
                DistanceKeys.Build(dots, testNorm, packed.SquaredNorms, s.Keys, s.Hist);
                var sorted = RadixSort.SortCounted(s.Keys, s.Tmp, s.Hist);
                ForTestPoint(sorted, trainTargets, testTargets[t], k, s.Y, s.Far, partial);
            },
            progress, cancellationToken);
        if (testFeatures.Count > 0) for (int j = 0; j < n; j++) total[j] /= testFeatures.Count;
        return total;
    }

    /// <summary>Adds one test point's values; y and far are scratch of length ≥ N + 2 and N + 3 (1-based positions).</summary>
    internal static void ForTestPoint(ReadOnlySpan<ulong> sorted, double[] targets, double yt, int k, double[] y, double[] far, Span<double> partial)
    {
        int n = sorted.Length;
        if (n == 0) return;
        double sumAll = 0;
        for (int i = 1; i <= n; i++) { y[i] = targets[(int)(uint)sorted[i - 1]]; sumAll += y[i]; }
        // far[i] = Σ_{j ≥ i} y_j · p(j − 2) for j ≥ 3; used as far[i + 2].
        far[n + 1] = 0;
        far[n + 2] = 0;
        for (int j = n; j >= 1; j--) far[j] = far[j + 1] + (j >= 3 ? y[j] * P(j - 2, k) : 0);
        double yBar = n > 1 ? (sumAll - y[n]) / (n - 1) : 0;
        double s = 0;
        for (int c = 0; c <= Math.Min(k - 1, n - 1); c++) s += -(y[n] / k) * ((2 * c * yBar + y[n]) / k - 2 * yt);
        s /= n;
        partial[(int)(uint)sorted[n - 1]] += s;
        double prefix = sumAll - y[n] - (n >= 2 ? y[n - 1] : 0); // Σ_{j < n−1} y_j, updated downwards
        for (int i = n - 1; i >= 1; i--)
        {
            // prefix = Σ_{j < i} y_j
            int a = i - 1;
            double e = P(a, k) * prefix + far[i + 2];
            double pa = Math.Min(k, i) / (double)i;
            s += (y[i + 1] - y[i]) / k * (pa * ((y[i] + y[i + 1]) / k - 2 * yt) + 2.0 / k * e);
            partial[(int)(uint)sorted[i - 1]] += s;
            if (i >= 2) prefix -= y[i - 1];
        }
    }

    private static double P(int r, int k)
    {
        if (r <= 0) return 0;
        int m = Math.Min(k - 1, r);
        return m * (m + 1) / (2.0 * r * (r + 1));
    }
}
