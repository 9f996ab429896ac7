using Assay.Valuation.Data;

namespace Assay.Valuation.Models;

/// <summary>
/// CART classification tree (Breiman et al. 1984): Gini impurity, axis-aligned thresholds at midpoints,
/// grown until pure or <see cref="MaxDepth"/>. Each node tries a random √d of the features, as random forests
/// do (Breiman 2001), which is the bagged learner of Data-OOB (Kwon &amp; Zou 2023). The feature sampling is
/// seeded from <see cref="Seed"/> and the fitted rows, so a fit is reproducible whichever thread runs it.
/// </summary>
public sealed class DecisionTreeModel(int maxDepth = 32, bool sqrtFeatures = true, int seed = 0) : IUtilityModel
{
    public int MaxDepth { get; } = maxDepth > 0 ? maxDepth : throw new ArgumentOutOfRangeException(nameof(maxDepth));
    public int Seed { get; } = seed;

    public string Name => $"tree(depth={MaxDepth},sqrt={sqrtFeatures})";

    public IFittedModel Fit(DenseData train, ReadOnlySpan<int> subset, IFittedModel? warmStart = null)
    {
        var nodes = new List<Node>();
        if (subset.Length == 0) return new Fitted(nodes, train.ClassCount, empty: true);
        long h = Seed;
        foreach (var i in subset) h = h * 1_000_003 + i;
        var rng = Methods.Seeds.For(Seed, h);
        int tryFeatures = sqrtFeatures ? Math.Max(1, (int)Math.Sqrt(train.Dimension)) : train.Dimension;
        Grow(train, subset.ToArray(), 0, nodes, rng, tryFeatures);
        return new Fitted(nodes, train.ClassCount, empty: false);
    }

    // Returns the index of the node made for rows.
    private int Grow(DenseData data, int[] rows, int depth, List<Node> nodes, Random rng, int tryFeatures)
    {
        var counts = new int[data.ClassCount];
        foreach (var r in rows) counts[data.Labels[r]]++;
        int majority = Array.IndexOf(counts, counts.Max());
        int self = nodes.Count;
        nodes.Add(new Node(-1, 0, -1, -1, majority));
        if (depth >= MaxDepth || counts[majority] == rows.Length) return self;

        var features = Enumerable.Range(0, data.Dimension).ToArray();
        rng.Shuffle(features);
        double bestGain = 1e-12, parent = Gini(counts, rows.Length);
        int bestFeature = -1;
        float bestThreshold = 0;
        var order = new (float Value, int Label)[rows.Length];
        var left = new int[data.ClassCount];
        foreach (var f in features.AsSpan(0, tryFeatures))
        {
            for (int i = 0; i < rows.Length; i++) order[i] = (data.Features[rows[i] * data.Dimension + f], data.Labels[rows[i]]);
            Array.Sort(order, (a, b) => a.Value.CompareTo(b.Value));
            Array.Clear(left);
            for (int i = 0; i < rows.Length - 1; i++)
            {
                left[order[i].Label]++;
                if (order[i].Value == order[i + 1].Value) continue;
                int nl = i + 1, nr = rows.Length - nl;
                double giniL = 1, giniR = 1;
                for (int c = 0; c < left.Length; c++)
                {
                    double pl = left[c] / (double)nl, pr = (counts[c] - left[c]) / (double)nr;
                    giniL -= pl * pl;
                    giniR -= pr * pr;
                }
                double gain = parent - (nl * giniL + nr * giniR) / rows.Length;
                if (gain > bestGain) { bestGain = gain; bestFeature = f; bestThreshold = (order[i].Value + order[i + 1].Value) / 2; }
            }
        }
        if (bestFeature < 0) return self;
        var l = rows.Where(r => data.Features[r * data.Dimension + bestFeature] <= bestThreshold).ToArray();
        var rr = rows.Where(r => data.Features[r * data.Dimension + bestFeature] > bestThreshold).ToArray();
        int li = Grow(data, l, depth + 1, nodes, rng, tryFeatures);
        int ri = Grow(data, rr, depth + 1, nodes, rng, tryFeatures);
        nodes[self] = new Node(bestFeature, bestThreshold, li, ri, majority);
        return self;
    }

    private static double Gini(int[] counts, int n)
    {
        double g = 1;
        foreach (var c in counts) { double p = c / (double)n; g -= p * p; }
        return g;
    }

    private readonly record struct Node(int Feature, float Threshold, int Left, int Right, int Label);

    private sealed class Fitted(List<Node> nodes, int classes, bool empty) : IFittedModel
    {
        public int Predict(ReadOnlySpan<float> x)
        {
            if (empty) return 0;
            int i = 0;
            while (nodes[i].Feature >= 0) i = x[nodes[i].Feature] <= nodes[i].Threshold ? nodes[i].Left : nodes[i].Right;
            return nodes[i].Label;
        }

        public double ScoreRow(DenseData test, int row) =>
            empty ? 1.0 / classes : Predict(test.Row(row)) == test.Labels[row] ? 1 : 0;
    }
}
