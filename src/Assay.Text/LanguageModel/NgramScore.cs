namespace Assay.Text.LanguageModel;

/// <summary>
/// A document's score: total log10 probability over <see cref="Tokens"/> predictions (its words plus
/// one <c>&lt;/s&gt;</c>, as KenLM's query counts a line), and how many words were out of vocabulary.
/// Perplexity includes OOVs (KenLM's "Perplexity including OOVs").
/// </summary>
public readonly record struct NgramScore(double Log10Prob, int Tokens, int Oov)
{
    public double Perplexity => Tokens == 0 ? double.NaN : Math.Pow(10, -Log10Prob / Tokens);
}
