namespace Assay.Curation.Dedup;

/// <summary>A base document and one of its variants with their true word n-gram Jaccard.</summary>
public sealed record NearDuplicatePair(string BaseId, string VariantId, double Jaccard);
