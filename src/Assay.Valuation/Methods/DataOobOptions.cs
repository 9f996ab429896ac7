namespace Assay.Valuation.Methods;

/// <summary>
/// Data-OOB settings: B bootstrap bags (Kwon &amp; Zou 2023, "Data-OOB: out-of-bag estimate as a simple and
/// efficient data value", use B = 800). The paper's learner is a random forest's trees; here the bagged
/// learner is any <see cref="Models.IUtilityModel"/> (logistic regression by default), which keeps the
/// OOB-correctness definition but not the trees' variance profile.
/// </summary>
public sealed record DataOobOptions(int Bags = 800, int Seed = 0, int? MaxDegreeOfParallelism = null)
{
    public DataOobOptions Validated()
    {
        if (Bags <= 0) throw new ArgumentOutOfRangeException(nameof(Bags));
        if (MaxDegreeOfParallelism is <= 0) throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism));
        return this;
    }
}
