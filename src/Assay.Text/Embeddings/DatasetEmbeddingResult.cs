namespace Assay.Text.Embeddings;

/// <summary>Records embedded and the embedding width.</summary>
public sealed record DatasetEmbeddingResult(long Records, int Dimensions);
