namespace Assay.Curation.Dedup;

/// <summary>SemDeDup outcome for one record: its k-means cluster, whether kept, and if not the kept record it is too similar to and that similarity.</summary>
public sealed record SemDedupDecision(string Id, int Cluster, bool Keep, string? DuplicateOf, float Similarity);
