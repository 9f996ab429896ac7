using Assay.Valuation.Data;

namespace Assay.Valuation.Models;

/// <summary>
/// A learning algorithm used as the utility of a data subset: fit on some training rows, then score
/// on held-out data. Settings live in the implementation (immutable); fitted state in <see cref="IFittedModel"/>.
/// Stand-in until Assay.Learn's learners are merged.
/// </summary>
public interface IUtilityModel
{
    string Name { get; }

    /// <summary>Fits on <paramref name="subset"/> rows of <paramref name="train"/>; <paramref name="warmStart"/> may seed iterative solvers.</summary>
    IFittedModel Fit(DenseData train, ReadOnlySpan<int> subset, IFittedModel? warmStart = null);
}
