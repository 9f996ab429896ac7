namespace Assay.Valuation.Methods;

/// <summary>
/// Beta Shapley settings; (α, β) = (16, 1) is the paper's recommended default (Kwon &amp; Zou 2022,
/// "Beta Shapley: a unified and noise-reduced data valuation framework", §5), weighting small subsets more.
/// </summary>
public sealed record BetaShapleyOptions(double Alpha = 16, double Beta = 1, PermutationSamplingOptions? Sampling = null)
{
    public PermutationSamplingOptions SamplingOrDefault => Sampling ?? new PermutationSamplingOptions();

    public BetaShapleyOptions Validated()
    {
        if (!(Alpha > 0)) throw new ArgumentOutOfRangeException(nameof(Alpha), "α must be positive");
        if (!(Beta > 0)) throw new ArgumentOutOfRangeException(nameof(Beta), "β must be positive");
        SamplingOrDefault.Validated();
        return this;
    }
}
