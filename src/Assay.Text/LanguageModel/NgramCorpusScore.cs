namespace Assay.Text.LanguageModel;

/// <summary>Totals over scored documents; <see cref="Perplexity"/> is over all tokens (KenLM's corpus figure, OOVs included).</summary>
public sealed record NgramCorpusScore(long Documents, long Tokens, long Oov, double Log10Prob)
{
    public double Perplexity => Tokens == 0 ? double.NaN : Math.Pow(10, -Log10Prob / Tokens);
}
