namespace Assay.Curation.Filters.Length;

/// <summary>
/// Inclusive length bounds. No published recipe fixes these, so every bound is off (null) unless set.
/// </summary>
public sealed record LengthBoundsOptions
{
    public long? MinChars { get; init; }   // off by default: no published default
    public long? MaxChars { get; init; }   // off by default
    public long? MinWords { get; init; }   // off by default; words = str.split() (whitespace runs)
    public long? MaxWords { get; init; }   // off by default
    public long? MinTokens { get; init; }  // off by default
    public long? MaxTokens { get; init; }  // off by default
    /// <summary>
    /// Tokenizer counting tokens. Null or "whitespace": whitespace words. Any other name needs a counter
    /// injected by the pipeline (Assay.Text tokenizers are not wired yet) or Initialize fails.
    /// </summary>
    public string? Tokenizer { get; init; }
}
