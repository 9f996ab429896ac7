namespace Assay.Text.FastText;

/// <summary>One predicted label (with fastText's <c>__label__</c> prefix) and its probability.</summary>
public readonly record struct FastTextPrediction(string Label, float Probability);
