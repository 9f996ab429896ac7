namespace Assay.Curation.Filters.Valuation;

/// <summary>
/// Options of <c>value_v1</c>: the validation dataset the values are measured against, the method
/// (default exact KNN-Shapley with K = 10, Jia et al. 2019), the share of lowest-valued records to
/// remove (0: only annotate <c>meta.value</c>), and an embedder for records without <c>features</c>.
/// </summary>
public sealed record ValueOptions
{
    /// <summary>Validation DATASET (records with features or text, and label); relative to the pipeline file, or pack:NAME.</summary>
    public string? Test { get; init; }
    public string Method { get; init; } = "knn-shapley";
    /// <summary>Neighbours for the KNN methods (Jia et al. 2019 use K = 10 in their experiments).</summary>
    public int K { get; init; } = 10;
    public double DropFraction { get; init; }
    /// <summary>Embedder for records without features (tfidf:PATH, openai:MODEL); none: features are required.</summary>
    public string? Embedder { get; init; }
}
