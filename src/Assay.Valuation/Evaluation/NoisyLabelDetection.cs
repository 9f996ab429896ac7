using Assay.Valuation.Data;
using Assay.Valuation.Methods;

namespace Assay.Valuation.Evaluation;

/// <summary>
/// OpenDataVal's noisy-label detection task (Jiang et al. 2023, "OpenDataVal", §4): flip a fraction of
/// training labels, value the noisy set, split the values by 2-means and score the low cluster against the
/// flipped set by F1.
/// </summary>
public static class NoisyLabelDetection
{
    public static NoisyLabelResult Run(IDataValuator method, DenseData train, DenseData test, double noiseRate = 0.1, int seed = 0,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var (noisy, flipped) = LabelNoise.Flip(train, noiseRate, seed);
        var result = method.Value(noisy, test, progress, cancellationToken);
        return Score(method.Name, result.Values, flipped, noiseRate, result.ElapsedSeconds);
    }

    public static NoisyLabelResult Score(string method, double[] values, int[] flipped, double noiseRate, double elapsedSeconds)
    {
        var low = TwoMeans.LowCluster(values);
        var isFlipped = new bool[values.Length];
        foreach (var i in flipped) isFlipped[i] = true;
        int tp = 0, predicted = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (!low[i]) continue;
            predicted++;
            if (isFlipped[i]) tp++;
        }
        double precision = predicted > 0 ? tp / (double)predicted : 0;
        double recall = flipped.Length > 0 ? tp / (double)flipped.Length : 0;
        double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        return new NoisyLabelResult(method, noiseRate, values.Length, flipped.Length, predicted, tp, precision, recall, f1,
            Auc(values, isFlipped), elapsedSeconds);
    }

    internal static double Auc(double[] values, bool[] positive)
    {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (!positive[i]) continue;
            for (int j = 0; j < values.Length; j++)
            {
                if (positive[j]) continue;
                pairs++;
                wins += values[i] < values[j] ? 1 : values[i] == values[j] ? 0.5 : 0;
            }
        }
        return pairs > 0 ? wins / pairs : double.NaN;
    }
}
