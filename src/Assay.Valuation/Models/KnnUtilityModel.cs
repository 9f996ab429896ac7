using Assay.Valuation.Data;

namespace Assay.Valuation.Models;

/// <summary>
/// The KNN utility of Jia et al. 2019 ("Efficient task-specific data valuation for nearest neighbor
/// algorithms", eq. 1): per test point, the fraction of its K nearest training points (in the subset)
/// that share its label, with 1/K normalisation even when fewer than K points exist; empty set → 0.
/// Ties in distance go to the lower training index, matching <see cref="Methods.KnnShapley"/>.
/// </summary>
public sealed class KnnUtilityModel(int k = 10) : IUtilityModel
{
    public int K { get; } = k > 0 ? k : throw new ArgumentOutOfRangeException(nameof(k), "K must be positive");

    public string Name => $"knn(k={K})";

    public IFittedModel Fit(DenseData train, ReadOnlySpan<int> subset, IFittedModel? warmStart = null) =>
        new Fitted(train, subset.ToArray(), K);

    private sealed class Fitted(DenseData train, int[] subset, int k) : IFittedModel
    {
        public int Predict(ReadOnlySpan<float> x)
        {
            if (subset.Length == 0) return 0;
            var votes = new int[train.ClassCount];
            foreach (var j in Nearest(x)) votes[train.Labels[j]]++;
            int best = 0;
            for (int c = 1; c < votes.Length; c++) if (votes[c] > votes[best]) best = c;
            return best;
        }

        public double ScoreRow(DenseData test, int row)
        {
            int match = 0;
            foreach (var j in Nearest(test.Row(row))) if (train.Labels[j] == test.Labels[row]) match++;
            return match / (double)k;
        }

        private IEnumerable<int> Nearest(ReadOnlySpan<float> x)
        {
            var d = new (double Dist, int Index)[subset.Length];
            for (int s = 0; s < subset.Length; s++)
                d[s] = (SquaredDistance(x, train.Row(subset[s])), subset[s]);
            Array.Sort(d);
            return d.Take(k).Select(p => p.Index).ToArray();
        }
    }

    internal static double SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) { double t = (double)a[i] - b[i]; s += t * t; }
        return s;
    }
}
