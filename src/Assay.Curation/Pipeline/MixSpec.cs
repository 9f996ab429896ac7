namespace Assay.Curation.Pipeline;

/// <summary>
/// Target proportions by tokens per source (<c>mix: {web: 0.6, books: 0.4}</c>), applied to the
/// kept records after the steps. <see cref="TotalTokens"/> null: the largest total the sources allow
/// without upsampling the scarcest one past <see cref="MaxRepeat"/>.
/// </summary>
public sealed record MixSpec(IReadOnlyDictionary<string, double> Weights, long? TotalTokens = null, double MaxRepeat = 4.0, string Tokenizer = "whitespace");
