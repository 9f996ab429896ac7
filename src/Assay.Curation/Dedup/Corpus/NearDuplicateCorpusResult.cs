namespace Assay.Curation.Dedup;

/// <summary>The generated documents (bases and variants) and the ground-truth pairs.</summary>
public sealed record NearDuplicateCorpusResult(IReadOnlyList<NearDuplicateDocument> Documents, IReadOnlyList<NearDuplicatePair> Pairs);
