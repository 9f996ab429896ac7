namespace Assay.Valuation.Methods;

/// <summary>
/// Data Banzhaf settings. Samples: each a subset containing every point independently with probability ½
/// (Wang &amp; Jia 2023, "Data Banzhaf: a robust data valuation framework for machine learning", Alg. 1, MSR);
/// 1,000 is of the order the paper uses for its noisy-label experiments.
/// </summary>
public sealed record BanzhafMsrOptions(int Samples = 1000, int Seed = 0, int? MaxDegreeOfParallelism = null)
{
    public BanzhafMsrOptions Validated()
    {
        if (Samples < 2) throw new ArgumentOutOfRangeException(nameof(Samples), "need at least 2 samples");
        if (MaxDegreeOfParallelism is <= 0) throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism));
        return this;
    }
}
