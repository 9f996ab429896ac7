namespace Assay.Learn.Supervised;

/// <summary>What `assay train classifier` reports: sizes, classes, accuracies on the training and held-out parts.</summary>
public sealed record FeatureClassifierReport(
    string Model, int Features, IReadOnlyList<string> Classes, int Train, int HeldOut,
    double TrainAccuracy, double HeldOutAccuracy, double MajorityBaseline, int Iterations);
