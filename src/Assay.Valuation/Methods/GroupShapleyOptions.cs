namespace Assay.Valuation.Methods;

/// <summary>
/// Group (source) Shapley settings: exact enumeration of the 2^G coalitions up to <see cref="ExactMaxGroups"/>
/// groups (4,096 fits at 12), otherwise permutation sampling over groups (no truncation by default, since a
/// few sources make every position informative).
/// </summary>
public sealed record GroupShapleyOptions(int ExactMaxGroups = 12, PermutationSamplingOptions? Sampling = null)
{
    public PermutationSamplingOptions SamplingOrDefault => Sampling ?? new PermutationSamplingOptions(TruncationTolerance: 0);

    public GroupShapleyOptions Validated()
    {
        if (ExactMaxGroups < 0 || ExactMaxGroups > ExactSemivalue.MaxPlayers) throw new ArgumentOutOfRangeException(nameof(ExactMaxGroups));
        SamplingOrDefault.Validated();
        return this;
    }
}
