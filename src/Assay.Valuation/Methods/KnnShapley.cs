using System.Diagnostics;
using Assay.Valuation.Data;
using Assay.Valuation.Kernels;

namespace Assay.Valuation.Methods;

/// <summary>
/// Exact KNN-Shapley (Jia et al. 2019, "Efficient task-specific data valuation for nearest neighbor
/// algorithms", Theorem 1): for each test point sort training points by distance (α_1 nearest) and
///   s_{α_N} = 1[y_{α_N} = y_t] / max(N, K)   (the paper assumes N ≥ K; for N &lt; K every point is always a neighbour),
///   s_{α_i} = s_{α_{i+1}} + (1[y_{α_i} = y_t] − 1[y_{α_{i+1}} = y_t]) / K · min(K, i) / i;
/// the value is the mean over test points. Distances via blocked SIMD dot products, full sort per test
/// point by radix sort of (float distance bits, index), ties to the lower index. Features on the 1/255 grid (image
/// pixels) take an exact integer path instead (<see cref="ByteGrid"/>): same algorithm, distances without rounding.
/// </summary>
public sealed class KnnShapley(KnnShapleyOptions? options = null) : IDataValuator
{
    public KnnShapleyOptions Options { get; } = (options ?? new KnnShapleyOptions()).Validated();

    public string Name => "knn-shapley";

    public ValuationResult Value(DenseData train, DenseData test, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var sw = Stopwatch.StartNew();
        var values = Options.ExactIntegerDistances && ByteGrid.Fits(train) && ByteGrid.Fits(test)
            ? ValueOnByteGrid(new PackedTrainBytes(train), train.Labels, test, progress, cancellationToken)
            : Value(new PackedTrain(train), train.Labels, test, progress, cancellationToken);
        return new ValuationResult(Name, values) { ElapsedSeconds = sw.Elapsed.TotalSeconds };
    }

    internal double[] Value(PackedTrain packed, int[] trainLabels, DenseData test, IProgress<double>? progress, CancellationToken ct) =>
        Run(new FloatDistances(packed), (dots, tn, keys, hist) => DistanceKeys.Build(dots, tn, packed.SquaredNorms, keys, hist), RadixSort.Float,
            trainLabels, test, progress, ct);

    /// <summary>Same algorithm on exact integer squared distances (<see cref="ByteGrid"/> data such as IDX pixels).</summary>
    internal double[] ValueOnByteGrid(PackedTrainBytes packed, int[] trainLabels, DenseData test, IProgress<double>? progress, CancellationToken ct)
    {
        test = ByteDotKernel.GroupSimilarRows(test);
        bool narrow = (long)packed.Dimension * 255 * 255 <= RadixSort.Narrow.MaxKey;
        return Run(new ByteDistances(packed), (dots, tn, keys, hist) => DistanceKeys.Build(dots, tn, packed.SquaredNorms, keys, hist, narrow),
            narrow ? RadixSort.Narrow : RadixSort.Float, trainLabels, test, progress, ct);
    }

    private delegate void KeyBuilder<T>(ReadOnlySpan<T> dots, T testNorm, Span<ulong> keys, Span<int> histograms);

    private double[] Run<T>(IBlockDistances<T> distances, KeyBuilder<T> buildKeys, RadixSort.Plan plan, int[] trainLabels, DenseData test, IProgress<double>? progress, CancellationToken ct)
    {
        int n = distances.Count, k = Options.K;
        var weight = Weights(n, k);
        var total = TestBlockDriver.Run(distances, test, Options.BlockSizeFor(n), Options.MaxDegreeOfParallelism,
            () => (Keys: new ulong[n], Tmp: new ulong[n], Hist: new int[RadixSort.HistogramLength]),
            (t, dots, testNorm, partial, s) =>
            {
                buildKeys(dots, testNorm, s.Keys, s.Hist);
                var sorted = RadixSort.SortCounted(s.Keys, s.Tmp, s.Hist, plan);
                Accumulate(sorted, trainLabels, test.Labels[t], n, k, weight, partial);
            },
            progress, ct);
        return Mean(total, test.Count);
    }

    // weight[i] = min(K,i)/(K·i) for i = 1..N−1.
    private static double[] Weights(int n, int k)
    {
        var weight = new double[Math.Max(n, 1)];
        for (int i = 1; i < n; i++) weight[i] = Math.Min(k, i) / ((double)k * i);
        return weight;
    }

    private static double[] Mean(double[] total, int testCount)
    {
        if (testCount > 0)
            for (int j = 0; j < total.Length; j++) total[j] /= testCount;
        return total;
    }

    // sorted[i-1] holds α_i (payload = index in low 32 bits).
    internal static void Accumulate(ReadOnlySpan<ulong> sorted, int[] labels, int yt, int n, int k, double[] weight, Span<double> partial)
    {
        if (n == 0) return;
        int idx = (int)(uint)sorted[n - 1];
        int mNext = labels[idx] == yt ? 1 : 0;
        double s = mNext / (double)Math.Max(n, k);
        partial[idx] += s;
        for (int i = n - 1; i >= 1; i--)
        {
            idx = (int)(uint)sorted[i - 1];
            int m = labels[idx] == yt ? 1 : 0;
            s += (m - mNext) * weight[i];
            partial[idx] += s;
            mNext = m;
        }
    }

    /// <summary>
    /// Reference for one test point: distances in double, comparison sort, same recursion. Used by tests
    /// and as the per-test-point value vector (whose sum is U(full) − U(∅)).
    /// </summary>
    internal static double[] ReferenceForTestPoint(DenseData train, ReadOnlySpan<float> x, int yt, int k)
    {
        int n = train.Count;
        var order = new (double Dist, int Index)[n];
        for (int j = 0; j < n; j++) order[j] = (Models.KnnUtilityModel.SquaredDistance(x, train.Row(j)), j);
        Array.Sort(order);
        var s = new double[n];
        if (n == 0) return s;
        s[order[n - 1].Index] = (train.Labels[order[n - 1].Index] == yt ? 1.0 : 0.0) / Math.Max(n, k);
        for (int i = n - 1; i >= 1; i--)
        {
            int a = order[i - 1].Index, b = order[i].Index;
            double diff = (train.Labels[a] == yt ? 1 : 0) - (train.Labels[b] == yt ? 1 : 0);
            s[a] = s[b] + diff / k * Math.Min(k, i) / i;
        }
        return s;
    }
}
