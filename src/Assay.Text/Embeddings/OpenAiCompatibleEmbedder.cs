using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Embeddings;

namespace Assay.Text.Embeddings;

/// <summary>
/// Embeddings from any server speaking OpenAI's <c>POST /v1/embeddings</c>, through the OpenAI SDK's
/// EmbeddingClient with a configurable endpoint. Inputs go in batches of <see cref="OpenAiEmbedderOptions.BatchSize"/>;
/// a batch that fails with 408, 429, 5xx or a network error is retried with exponential backoff
/// (the SDK's own retries are off, so the policy is this class's alone). Results come back in input order.
/// </summary>
public sealed class OpenAiCompatibleEmbedder : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingClient _client;
    private readonly OpenAiEmbedderOptions _options;
    private readonly EmbeddingGeneratorMetadata _metadata;

    public OpenAiCompatibleEmbedder(OpenAiEmbedderOptions options)
    {
        options.Validate();
        _options = options;
        var clientOptions = new OpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(0), NetworkTimeout = options.Timeout };
        if (options.Endpoint is not null) clientOptions.Endpoint = options.Endpoint;
        _client = new EmbeddingClient(options.Model, new ApiKeyCredential(options.ApiKey ?? "no-key"), clientOptions);
        _metadata = new EmbeddingGeneratorMetadata("openai-compatible", options.Endpoint ?? new Uri("https://api.openai.com/v1"), options.Model, options.Dimensions);
    }

    /// <summary>Requests sent, retries included (for reports and tests).</summary>
    public int Requests => _requests;
    private int _requests;

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, Microsoft.Extensions.AI.EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var inputs = values as IList<string> ?? values.ToList();
        var result = new GeneratedEmbeddings<Embedding<float>>(inputs.Count);
        long inputTokens = 0, totalTokens = 0;
        var request = new OpenAI.Embeddings.EmbeddingGenerationOptions { Dimensions = options?.Dimensions ?? _options.Dimensions };
        string model = options?.ModelId ?? _options.Model;
        for (int start = 0; start < inputs.Count; start += _options.BatchSize)
        {
            var batch = inputs.Skip(start).Take(_options.BatchSize).ToList();
            var collection = await SendWithRetries(batch, request, cancellationToken).ConfigureAwait(false);
            if (collection.Count != batch.Count)
                throw new InvalidDataException($"{_metadata.ProviderUri}: asked for {batch.Count} embeddings, got {collection.Count}");
            foreach (var e in collection.OrderBy(e => e.Index))
                result.Add(new Embedding<float>(e.ToFloats()) { ModelId = model });
            if (collection.Usage is { } u) { inputTokens += u.InputTokenCount; totalTokens += u.TotalTokenCount; }
        }
        result.Usage = new UsageDetails { InputTokenCount = inputTokens, TotalTokenCount = totalTokens };
        return result;
    }

    private async Task<OpenAIEmbeddingCollection> SendWithRetries(List<string> batch, OpenAI.Embeddings.EmbeddingGenerationOptions request, CancellationToken ct)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                Interlocked.Increment(ref _requests);
                var response = await _client.GenerateEmbeddingsAsync(batch, request, ct).ConfigureAwait(false);
                return response.Value;
            }
            catch (Exception e) when (attempt < _options.MaxRetries && IsTransient(e) && !ct.IsCancellationRequested)
            {
                var delay = TimeSpan.FromTicks(Math.Min(_options.MaxBackoff.Ticks, _options.InitialBackoff.Ticks << Math.Min(attempt, 20)));
                await Task.Delay(delay, ct).ConfigureAwait(false);
            }
            catch (ClientResultException e)
            {
                throw new HttpRequestException($"{_metadata.ProviderUri}: embeddings request failed with HTTP {e.Status} after {attempt + 1} attempt(s): {e.Message}", e);
            }
        }
    }

    private static bool IsTransient(Exception e) => e switch
    {
        ClientResultException c => c.Status is 0 or 408 or 429 or >= 500,
        HttpRequestException or IOException or TimeoutException => true,
        _ => false,
    };

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType == typeof(EmbeddingClient) ? _client
        : serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() { }
}
