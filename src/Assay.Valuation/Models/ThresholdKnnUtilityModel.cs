using Assay.Valuation.Data;

namespace Assay.Valuation.Models;

/// <summary>
/// The TKNN utility (Wang et al. 2023): per test point, the fraction of subset points within Euclidean
/// distance τ that share its label, or 1/C when none is within τ. The reference for ThresholdKnnShapley.
/// </summary>
public sealed class ThresholdKnnUtilityModel(double threshold) : IUtilityModel
{
    public double Threshold { get; } = threshold > 0 ? threshold : throw new ArgumentOutOfRangeException(nameof(threshold));

    public string Name => $"tknn(tau={Threshold})";

    public IFittedModel Fit(DenseData train, ReadOnlySpan<int> subset, IFittedModel? warmStart = null) =>
        new Fitted(train, subset.ToArray(), Threshold * Threshold);

    private sealed class Fitted(DenseData train, int[] subset, double tau2) : IFittedModel
    {
        public int Predict(ReadOnlySpan<float> x)
        {
            var votes = new int[train.ClassCount];
            foreach (var j in subset) if (KnnUtilityModel.SquaredDistance(x, train.Row(j)) <= tau2) votes[train.Labels[j]]++;
            return Array.IndexOf(votes, votes.Max());
        }

        public double ScoreRow(DenseData test, int row)
        {
            int inBall = 0, match = 0;
            foreach (var j in subset)
                if (KnnUtilityModel.SquaredDistance(test.Row(row), train.Row(j)) <= tau2)
                {
                    inBall++;
                    if (train.Labels[j] == test.Labels[row]) match++;
                }
            return inBall == 0 ? 1.0 / train.ClassCount : match / (double)inBall;
        }
    }
}
