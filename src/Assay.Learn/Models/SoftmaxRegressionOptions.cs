namespace Assay.Learn.Models;

/// <summary>
/// Settings for <see cref="SoftmaxRegression.Fit"/>. Classes 0 means max(y)+1 (pass it explicitly
/// when a subset may miss a class). L2 penalises weights, not biases. Fitting is full-batch L-BFGS.
/// </summary>
public sealed record SoftmaxRegressionOptions(
    float L2 = 1e-3f,
    int MaxIterations = 200,
    double Tolerance = 1e-5,
    int Classes = 0)
{
    public void Validate()
    {
        if (L2 < 0) throw new ArgumentException($"L2 must be >= 0, got {L2}.");
        if (MaxIterations < 0) throw new ArgumentException($"MaxIterations must be >= 0, got {MaxIterations}.");
        if (Classes is < 0 or 1) throw new ArgumentException($"Classes must be 0 (infer) or >= 2, got {Classes}.");
    }
}
