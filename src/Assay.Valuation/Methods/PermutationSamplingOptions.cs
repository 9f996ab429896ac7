namespace Assay.Valuation.Methods;

/// <summary>
/// Monte-Carlo permutation sampling as in TMC-Shapley (Ghorbani &amp; Zou 2019, Alg. 1): a permutation's scan
/// stops once |U(N) − U(prefix)| &lt; <see cref="TruncationTolerance"/>·|U(N)| (later marginals count as 0);
/// sampling stops after <see cref="MaxPermutations"/>, or, past <see cref="MinPermutations"/>, when the
/// mean relative change of the values over the last <see cref="CheckEvery"/> permutations falls below
/// <see cref="ConvergenceTolerance"/> (the paper's 5% criterion over 100 iterations).
/// Permutations run in rounds of <see cref="CheckEvery"/>, each with its own seeded stream.
/// </summary>
public sealed record PermutationSamplingOptions(
    int MaxPermutations = 500,
    int MinPermutations = 100,
    int CheckEvery = 50,
    double TruncationTolerance = 0.01,
    double ConvergenceTolerance = 0.05,
    int Seed = 0,
    int? MaxDegreeOfParallelism = null)
{
    public PermutationSamplingOptions Validated()
    {
        if (MaxPermutations <= 0) throw new ArgumentOutOfRangeException(nameof(MaxPermutations));
        if (MinPermutations < 0 || MinPermutations > MaxPermutations) throw new ArgumentOutOfRangeException(nameof(MinPermutations));
        if (CheckEvery <= 0) throw new ArgumentOutOfRangeException(nameof(CheckEvery));
        if (!(TruncationTolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(TruncationTolerance));
        if (!(ConvergenceTolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(ConvergenceTolerance));
        if (MaxDegreeOfParallelism is <= 0) throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism));
        return this;
    }
}
