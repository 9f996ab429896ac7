namespace Assay.Curation.Dedup;

/// <summary>Counts from the cluster stage: candidate pairs read, pairs rejected by verification, clusters with more than one member, documents removed.</summary>
public sealed record MinHashClusterStats(int Documents, long CandidatePairs, long RejectedPairs, int DuplicateClusters, int Removed);
