using System.Diagnostics;
using Assay.Valuation.Data;
using Assay.Valuation.Models;

namespace Assay.Valuation.Methods;

/// <summary>
/// LAVA (Just et al. 2023): class-wise Wasserstein distance between the training and validation sets with
/// ground cost ‖x − x'‖² + λ·W(y, y'), where W(y, y') is the OT distance between the class-conditional
/// feature clouds (the OTDD label distance). The entropic OT dual potential f of the training side gives
/// ∂OT/∂a_i; the calibrated gradient f_i − Σ_{j≠i} f_j/(N−1) says how the distance grows when mass moves
/// onto point i. A point that pulls the data away from the validation distribution (e.g. a wrong label)
/// has a large gradient, so the value reported is its negation (higher = more useful).
/// </summary>
public sealed class Lava(LavaOptions? options = null) : IDataValuator
{
    public LavaOptions Options { get; } = (options ?? new LavaOptions()).Validated();

    public string Name => "lava";

    public ValuationResult Value(DenseData train, DenseData test, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var sw = Stopwatch.StartNew();
        int n = train.Count, m = test.Count;
        if (n < 2 || m < 1) throw new ArgumentException("LAVA needs at least 2 training and 1 validation point");
        var labelDistance = LabelDistances(train, test, cancellationToken);
        var cost = new double[(long)n * m];
        Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            for (int j = 0; j < m; j++)
                cost[i * m + j] = KnnUtilityModel.SquaredDistance(train.Row(i), test.Row(j))
                    + Options.LabelWeight * labelDistance[train.Labels[i], test.Labels[j]];
        });
        double eps = Options.EpsilonScale * Math.Max(cost.Average(), 1e-12);
        var ot = Sinkhorn.Solve(cost, n, m, eps, Options.MaxIterations, Options.Tolerance, cancellationToken);
        double sum = ot.F.Sum();
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            double calibrated = ot.F[i] - (sum - ot.F[i]) / (n - 1);
            values[i] = -calibrated;
        }
        progress?.Report(1);
        return new ValuationResult(Name, values) { Samples = ot.Iterations, ElapsedSeconds = sw.Elapsed.TotalSeconds };
    }

    /// <summary>W[c, c'] = entropic OT cost between train class c and validation class c' (squared Euclidean).</summary>
    internal double[,] LabelDistances(DenseData train, DenseData test, CancellationToken ct)
    {
        int classes = Math.Max(train.ClassCount, test.ClassCount);
        var w = new double[classes, classes];
        var a = ClassClouds(train, classes, 1);
        var b = ClassClouds(test, classes, 2);
        Parallel.For(0, classes * classes, new ParallelOptions { CancellationToken = ct }, pair =>
        {
            int c = pair / classes, d = pair % classes;
            if (a[c].Length == 0 || b[d].Length == 0) { w[c, d] = 0; return; }
            var cost = new double[a[c].Length * b[d].Length];
            for (int i = 0; i < a[c].Length; i++)
                for (int j = 0; j < b[d].Length; j++)
                    cost[i * b[d].Length + j] = KnnUtilityModel.SquaredDistance(train.Row(a[c][i]), test.Row(b[d][j]));
            double eps = Options.EpsilonScale * Math.Max(cost.Average(), 1e-12);
            w[c, d] = Sinkhorn.Solve(cost, a[c].Length, b[d].Length, eps, Options.MaxIterations, Options.Tolerance, ct).TransportCost;
        });
        return w;
    }

    private int[][] ClassClouds(DenseData data, int classes, int stream)
    {
        var rng = Seeds.For(Options.Seed, stream);
        return Enumerable.Range(0, classes).Select(c =>
        {
            var rows = Enumerable.Range(0, data.Count).Where(i => data.Labels[i] == c).ToArray();
            if (rows.Length > Options.MaxPointsPerClass) { rng.Shuffle(rows); rows = rows[..Options.MaxPointsPerClass]; }
            return rows;
        }).ToArray();
    }
}
