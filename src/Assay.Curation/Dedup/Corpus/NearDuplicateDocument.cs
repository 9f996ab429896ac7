namespace Assay.Curation.Dedup;

/// <summary>A generated document: <see cref="Variant"/> is −1 for the base document itself.</summary>
public sealed record NearDuplicateDocument(string Id, string Text, int BaseIndex, int Variant);
