namespace Assay.Valuation.Methods;

/// <summary>
/// Values of the training points (higher = more useful), with a per-point standard error for sampled
/// estimators (null for exact methods). JSON-serialisable as is.
/// </summary>
public sealed record ValuationResult(string Method, double[] Values, double[]? StandardErrors = null)
{
    /// <summary>Number of utility (model fit + score) evaluations, 0 for closed-form methods.</summary>
    public long UtilityEvaluations { get; init; }

    /// <summary>Sampling rounds actually used (permutations, subsets, bags), 0 for exact methods.</summary>
    public int Samples { get; init; }

    public double ElapsedSeconds { get; init; }
}
