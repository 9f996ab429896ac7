namespace Assay.Valuation.Evaluation;

/// <summary>
/// Exact 2-means on a line: sort, try every split, keep the least within-cluster sum of squares. It is the
/// global optimum of the objective OpenDataVal's KMeans(n_clusters=2) on the values approximates, and
/// deterministic.
/// </summary>
public static class TwoMeans
{
    /// <summary>True for points in the cluster with the lower mean.</summary>
    public static bool[] LowCluster(IReadOnlyList<double> values)
    {
        int n = values.Count;
        var low = new bool[n];
        if (n < 2) return low;
        var order = Enumerable.Range(0, n).OrderBy(i => values[i]).ThenBy(i => i).ToArray();
        var prefix = new double[n + 1];
        var prefixSq = new double[n + 1];
        for (int k = 0; k < n; k++)
        {
            double v = values[order[k]];
            prefix[k + 1] = prefix[k] + v;
            prefixSq[k + 1] = prefixSq[k] + v * v;
        }
        double Sse(int from, int to)
        {
            int c = to - from;
            double s = prefix[to] - prefix[from];
            return prefixSq[to] - prefixSq[from] - s * s / c;
        }
        int best = 1;
        double bestCost = double.PositiveInfinity;
        for (int split = 1; split < n; split++)
        {
            double cost = Sse(0, split) + Sse(split, n);
            if (cost < bestCost - 1e-15) { bestCost = cost; best = split; }
        }
        for (int k = 0; k < best; k++) low[order[k]] = true;
        return low;
    }
}
