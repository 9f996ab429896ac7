namespace Assay.Text.Embeddings;

/// <summary>Settings for <see cref="OpenAiCompatibleEmbedder"/>.</summary>
public sealed record OpenAiEmbedderOptions
{
    public required string Model { get; init; }

    /// <summary>Base URL including the version path, e.g. <c>http://127.0.0.1:8000/v1</c> (vLLM, llama.cpp, TEI, Ollama); null means api.openai.com.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>API key; null sends a placeholder, which servers without authentication ignore.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Inputs per request (OpenAI accepts up to 2048; 64 keeps requests small and retries cheap).</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Retries of a batch after 408/429/5xx or a network failure, with exponential backoff.</summary>
    public int MaxRetries { get; init; } = 5;

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Per-request timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>Requested output dimensions (models that support shortening, e.g. text-embedding-3-*); null for the model's own.</summary>
    public int? Dimensions { get; init; }

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Model)) throw new ArgumentException("an embedding model name is required");
        if (BatchSize is < 1 or > 2048) throw new ArgumentException($"batch size must be 1..2048, got {BatchSize}");
        if (MaxRetries < 0) throw new ArgumentException("max retries must be ≥ 0");
    }
}
