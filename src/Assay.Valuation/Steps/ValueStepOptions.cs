using Assay.Valuation.Methods;

namespace Assay.Valuation.Steps;

/// <summary>
/// Settings of the value curation step: the method (default exact KNN-Shapley with K = 10, Jia et al. 2019), its knobs,
/// and the share of training records with the lowest values to remove (0 = only annotate <c>meta.value</c>).
/// </summary>
/// <param name="Embedder">embeds the text of records without features (<see cref="Data.FeatureFill"/>); null: features are required</param>
public sealed record ValueStepOptions(string Method = "knn-shapley", double DropFraction = 0, ValuationSettings? Settings = null, string? Embedder = null)
{
    public ValueStepOptions Validated()
    {
        if (DropFraction is < 0 or > 1 || double.IsNaN(DropFraction))
            throw new ArgumentOutOfRangeException(nameof(DropFraction), $"drop fraction must be in [0, 1], got {DropFraction}");
        if (!ValuationMethods.Names.Contains(Method))
            throw new ArgumentException($"unknown valuation method '{Method}'; valid: {string.Join(", ", ValuationMethods.Names)}", nameof(Method));
        return this;
    }
}
