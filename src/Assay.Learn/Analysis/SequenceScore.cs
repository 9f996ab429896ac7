namespace Assay.Learn.Analysis;

/// <summary>Total log-probability of a token sequence and how many tokens were scored.</summary>
public readonly record struct SequenceScore(double LogProb, int Tokens)
{
    /// <summary>Mean negative log-likelihood per token (nats).</summary>
    public double Nll => Tokens == 0 ? double.NaN : -LogProb / Tokens;

    public double Perplexity => Math.Exp(Nll);
}
