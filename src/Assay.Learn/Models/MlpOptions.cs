namespace Assay.Learn.Models;

/// <summary>
/// Settings for <see cref="MlpClassifier.Fit"/>: one tanh hidden layer (tanh, not ReLU, so the
/// Hessian exists everywhere), full-batch L-BFGS, weights initialised N(0, 1/fan_in) from Seed.
/// </summary>
public sealed record MlpOptions(
    int Hidden = 32,
    float L2 = 1e-3f,
    int MaxIterations = 300,
    double Tolerance = 1e-5,
    int Classes = 0,
    int Seed = 0)
{
    public void Validate()
    {
        if (Hidden < 1) throw new ArgumentException($"Hidden must be >= 1, got {Hidden}.");
        if (L2 < 0) throw new ArgumentException($"L2 must be >= 0, got {L2}.");
        if (MaxIterations < 0) throw new ArgumentException($"MaxIterations must be >= 0, got {MaxIterations}.");
        if (Classes is < 0 or 1) throw new ArgumentException($"Classes must be 0 (infer) or >= 2, got {Classes}.");
    }
}
