namespace Assay.Text.LanguageModel;

/// <summary>One ARPA line's numbers: log10 p(w | context) and log10 backoff weight of the n-gram as a context.</summary>
internal readonly record struct NgramEntry(float Log10Prob, float Log10Backoff);
