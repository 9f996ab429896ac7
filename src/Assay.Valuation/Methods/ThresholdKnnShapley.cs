using System.Diagnostics;
using Assay.Valuation.Data;
using Assay.Valuation.Kernels;

namespace Assay.Valuation.Methods;

/// <summary>
/// Threshold-KNN-Shapley (Wang et al. 2023). Utility per test point z with label y: the neighbours of z
/// in S are the points within distance τ; U(S) = (fraction of them labelled y), or 1/C if there are none.
/// Points outside the ball have value 0. For i in the ball, with n other ball points of which m share
/// label y, and s = 1[y_i = y], the relative order of i among the ball points is uniform under a random
/// permutation and E[matches | a predecessors] = a·m/n, giving the closed form
///   φ_i = (s − 1/C) / (n + 1) + (s − m/n) · (H_{n+1} − 1) / (n + 1)   (n ≥ 1),   φ_i = s − 1/C  (n = 0),
/// O(N) per test point with no sort. The DP variant perturbs the counts (n + 1, matches) once per test point.
/// </summary>
public sealed class ThresholdKnnShapley(ThresholdKnnShapleyOptions? options = null) : IDataValuator
{
    public ThresholdKnnShapleyOptions Options { get; } = (options ?? new ThresholdKnnShapleyOptions()).Validated();

    public string Name => Options.Epsilon is null ? "tknn-shapley" : "tknn-shapley-dp";

    public ValuationResult Value(DenseData train, DenseData test, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var sw = Stopwatch.StartNew();
        var packed = new PackedTrain(train);
        double tau = Options.Threshold ?? AutoThreshold(train, test, Options.AutoK);
        float tau2 = (float)(tau * tau);
        int n = train.Count, c = train.ClassCount;
        var harmonic = new double[n + 2];
        for (int i = 1; i < harmonic.Length; i++) harmonic[i] = harmonic[i - 1] + 1.0 / i;
        double sigma = Options.Epsilon is double eps
            ? Math.Sqrt(2.0 * test.Count) * Math.Sqrt(2 * Math.Log(1.25 / Options.Delta)) / eps
            : 0;
        var labels = train.Labels;
        var total = TestBlockDriver.Run(packed, test, Options.TestBlockSize, Options.MaxDegreeOfParallelism,
            () => new List<int>(),
            (t, dots, testNorm, partial, ball) =>
            {
                ball.Clear();
                int y = test.Labels[t], matches = 0;
                var norms = packed.SquaredNorms;
                for (int j = 0; j < n; j++)
                    if (DistanceKeys.Distance(dots, testNorm, norms, j) <= tau2) { ball.Add(j); if (labels[j] == y) matches++; }
                if (ball.Count == 0) return;
                double count = ball.Count, same = matches;
                if (sigma > 0)
                {
                    // The noise of test point t comes from its own stream: independent of threads and blocks.
                    var rng = Seeds.For(Options.Seed, t);
                    count = Math.Clamp(Math.Round(count + sigma * Gaussian(rng)), 1, n);
                    same = Math.Clamp(Math.Round(same + sigma * Gaussian(rng)), 0, count);
                }
                foreach (var j in ball)
                {
                    int s = labels[j] == y ? 1 : 0;
                    int others = (int)count - 1;
                    double m = Math.Clamp(same - s, 0, others);
                    partial[j] += PointValue(s, others, m, c, harmonic);
                }
            },
            progress, cancellationToken);
        if (test.Count > 0) for (int j = 0; j < n; j++) total[j] /= test.Count;
        return new ValuationResult(Name, total) { ElapsedSeconds = sw.Elapsed.TotalSeconds };
    }

    /// <summary>φ for a ball point: s = own match, n = other ball points, m = matches among them, C classes.</summary>
    internal static double PointValue(int s, int n, double m, int classes, double[] harmonic)
    {
        double prior = s - 1.0 / classes;
        if (n == 0) return prior;
        return (prior + (s - m / n) * (harmonic[n + 1] - 1)) / (n + 1);
    }

    internal static double AutoThreshold(DenseData train, DenseData test, int k)
    {
        int probes = Math.Min(200, test.Count);
        if (probes == 0 || train.Count == 0) return 1;
        var kth = new double[probes];
        Parallel.For(0, probes, p =>
        {
            int t = (int)((long)p * test.Count / probes);
            var d = new double[train.Count];
            for (int j = 0; j < train.Count; j++) d[j] = Models.KnnUtilityModel.SquaredDistance(test.Row(t), train.Row(j));
            Array.Sort(d);
            kth[p] = Math.Sqrt(d[Math.Min(k, train.Count) - 1]);
        });
        Array.Sort(kth);
        return Math.Max(kth[probes / 2], 1e-12);
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
