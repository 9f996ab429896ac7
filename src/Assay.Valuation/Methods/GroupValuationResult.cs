namespace Assay.Valuation.Methods;

/// <summary>Shapley value per group id (sorted ascending), exact or sampled (then with standard errors).</summary>
public sealed record GroupValuationResult(int[] GroupIds, double[] Values, double[]? StandardErrors, bool Exact)
{
    public long UtilityEvaluations { get; init; }
    public int Samples { get; init; }
}
