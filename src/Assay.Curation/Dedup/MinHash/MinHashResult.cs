namespace Assay.Curation.Dedup;

/// <summary>Everything one MinHash run decided, with the banding it used.</summary>
public sealed record MinHashResult(LshParameters Bands, long CandidatePairs, MinHashClusterStats Stats, IReadOnlyList<MinHashDecision> Decisions);
