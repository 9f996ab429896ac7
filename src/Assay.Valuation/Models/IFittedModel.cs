using Assay.Valuation.Data;

namespace Assay.Valuation.Models;

/// <summary>A fitted utility model: predicts a class, and scores a test set (accuracy, or the KNN utility's likelihood).</summary>
public interface IFittedModel
{
    int Predict(ReadOnlySpan<float> x);

    /// <summary>Per-row score in [0, 1] for the test set (1 = correct); the utility is their mean.</summary>
    double ScoreRow(DenseData test, int row);

    double Score(DenseData test)
    {
        if (test.Count == 0) return 0;
        double s = 0;
        for (int i = 0; i < test.Count; i++) s += ScoreRow(test, i);
        return s / test.Count;
    }
}
