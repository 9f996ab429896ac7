namespace Assay.Text.Embeddings;

/// <summary>Options that apply to remote embedders made by <see cref="EmbedderFactory"/>.</summary>
public sealed record EmbedderFactoryOptions
{
    public int BatchSize { get; init; } = 64;
    public int MaxRetries { get; init; } = 5;
    public int? Dimensions { get; init; }
}
