namespace Assay.Curation.Dedup;

/// <summary>The outcome for one document: kept, or removed as a near-duplicate of <see cref="DuplicateOf"/> (the keeper's id).</summary>
public sealed record MinHashDecision(string Id, bool Keep, string? DuplicateOf);
