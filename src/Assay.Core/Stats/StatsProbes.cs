namespace Assay.Core.Stats;

/// <summary>
/// Optional measurements a higher floor plugs into <see cref="DatasetStats"/> without Core knowing
/// it: a token counter (e.g. cl100k_base) and a language identifier (e.g. fastText lid.176).
/// </summary>
public sealed record StatsProbes
{
    public string? TokenizerName { get; init; }
    public Func<string, int>? CountTokens { get; init; }
    public string? LanguageModelName { get; init; }
    /// <summary>Returns the language label of a text (top-1).</summary>
    public Func<string, string>? IdentifyLanguage { get; init; }
}
