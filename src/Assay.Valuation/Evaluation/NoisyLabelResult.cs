namespace Assay.Valuation.Evaluation;

/// <summary>Noisy-label detection outcome: the low 2-means cluster of values is predicted as flipped.</summary>
public sealed record NoisyLabelResult(
    string Method, double NoiseRate, int TrainCount, int Flipped, int Predicted, int TruePositives,
    double Precision, double Recall, double F1, double ElapsedSeconds);
