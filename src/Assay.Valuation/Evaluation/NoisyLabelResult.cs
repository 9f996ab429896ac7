namespace Assay.Valuation.Evaluation;

/// <summary>
/// Noisy-label detection outcome: the low 2-means cluster of values is predicted as flipped (F1 as in
/// OpenDataVal). <see cref="Auc"/> = P(value of a flipped point &lt; value of a clean one), ties ½: a
/// threshold-free view of the same ranking.
/// </summary>
public sealed record NoisyLabelResult(
    string Method, double NoiseRate, int TrainCount, int Flipped, int Predicted, int TruePositives,
    double Precision, double Recall, double F1, double Auc, double ElapsedSeconds);
