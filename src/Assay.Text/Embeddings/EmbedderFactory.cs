using Assay.Core.Records;
using Microsoft.Extensions.AI;

namespace Assay.Text.Embeddings;

/// <summary>
/// Builds an embedder from a name: <c>tfidf:PATH</c> (or just the path of a model file from
/// <c>assay embed train</c>), <c>openai:MODEL</c> (endpoint from ASSAY_OPENAI_BASE_URL, key from
/// OPENAI_API_KEY), or <c>features</c> (vectors already in the records).
/// </summary>
public static class EmbedderFactory
{
    public const string Names = "'tfidf:PATH' (a model from 'assay embed train'), 'openai:MODEL' (ASSAY_OPENAI_BASE_URL, OPENAI_API_KEY), or 'features'";
    public const string BaseUrlVariable = "ASSAY_OPENAI_BASE_URL";
    public const string ApiKeyVariable = "OPENAI_API_KEY";

    /// <param name="environment">reads environment variables (tests pass their own); default: the process environment</param>
    public static IEmbeddingGenerator<Record, Embedding<float>> Create(string spec, EmbedderFactoryOptions? options = null, Func<string, string?>? environment = null)
    {
        options ??= new EmbedderFactoryOptions();
        environment ??= Environment.GetEnvironmentVariable;
        if (spec == "features") return new PrecomputedEmbedder();
        if (spec.StartsWith("tfidf:", StringComparison.Ordinal)) return new TextRecordEmbedder(HashedTfidfSvdEmbedder.Load(spec["tfidf:".Length..]));
        if (spec.StartsWith("openai:", StringComparison.Ordinal))
        {
            var model = spec["openai:".Length..];
            var baseUrl = environment(BaseUrlVariable);
            Uri? endpoint = null;
            if (!string.IsNullOrWhiteSpace(baseUrl) && !Uri.TryCreate(baseUrl, UriKind.Absolute, out endpoint))
                throw new ArgumentException($"{BaseUrlVariable}='{baseUrl}' is not an absolute URL (expected e.g. http://127.0.0.1:8000/v1)");
            return new TextRecordEmbedder(new OpenAiCompatibleEmbedder(new OpenAiEmbedderOptions
            {
                Model = model,
                Endpoint = endpoint,
                ApiKey = environment(ApiKeyVariable),
                BatchSize = options.BatchSize,
                MaxRetries = options.MaxRetries,
                Dimensions = options.Dimensions,
            }));
        }
        if (File.Exists(spec)) return new TextRecordEmbedder(HashedTfidfSvdEmbedder.Load(spec));
        throw new ArgumentException($"unknown embedder '{spec}'; expected {Names}");
    }
}
