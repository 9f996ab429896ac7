namespace Assay.Valuation.Methods;

/// <summary>
/// Entropic optimal transport between uniform measures by log-domain Sinkhorn iterations (Cuturi 2013;
/// log-domain form as in Peyré &amp; Cuturi 2019, §4.4) for numerical stability at small ε.
/// </summary>
internal static class Sinkhorn
{
    public sealed record Solution(double[] F, double[] G, double TransportCost, int Iterations, double MarginalError);

    /// <param name="cost">row-major [n × m]</param>
    public static Solution Solve(double[] cost, int n, int m, double epsilon, int maxIterations, double tolerance, CancellationToken ct = default)
    {
        double logA = -Math.Log(n), logB = -Math.Log(m);
        var f = new double[n];
        var g = new double[m];
        var buf = new double[Math.Max(n, m)];
        int it = 0;
        double err = double.PositiveInfinity;
        while (it < maxIterations)
        {
            ct.ThrowIfCancellationRequested();
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < m; j++) buf[j] = (g[j] - cost[i * m + j]) / epsilon + logB;
                f[i] = -epsilon * LogSumExp(buf.AsSpan(0, m));
            }
            for (int j = 0; j < m; j++)
            {
                for (int i = 0; i < n; i++) buf[i] = (f[i] - cost[i * m + j]) / epsilon + logA;
                g[j] = -epsilon * LogSumExp(buf.AsSpan(0, n));
            }
            it++;
            if (it % 10 == 0 || it == maxIterations)
            {
                // After the g-update columns are exact; the row marginal error measures convergence.
                err = 0;
                for (int i = 0; i < n; i++)
                {
                    double row = 0;
                    for (int j = 0; j < m; j++) row += Math.Exp((f[i] + g[j] - cost[i * m + j]) / epsilon + logA + logB);
                    err += Math.Abs(row - 1.0 / n);
                }
                if (err < tolerance) break;
            }
        }
        double total = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
                total += Math.Exp((f[i] + g[j] - cost[i * m + j]) / epsilon + logA + logB) * cost[i * m + j];
        return new Solution(f, g, total, it, err);
    }

    private static double LogSumExp(ReadOnlySpan<double> x)
    {
        double max = double.NegativeInfinity;
        foreach (var v in x) if (v > max) max = v;
        if (double.IsNegativeInfinity(max)) return max;
        double s = 0;
        foreach (var v in x) s += Math.Exp(v - max);
        return max + Math.Log(s);
    }
}
