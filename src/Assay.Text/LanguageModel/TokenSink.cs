namespace Assay.Text.LanguageModel;

/// <summary>Receives one token; the span is only valid during the call.</summary>
public delegate void TokenSink(ReadOnlySpan<char> token);
