namespace Assay.Valuation.Models;

/// <summary>Settings of <see cref="LogisticRegressionModel"/>; L2 = 1e-2 follows scikit-learn's C≈100/n scale on small sets.</summary>
public sealed record LogisticRegressionOptions(double L2 = 1e-2, int MaxIterations = 100, double Tolerance = 1e-4)
{
    public LogisticRegressionOptions Validated()
    {
        if (!(L2 >= 0)) throw new ArgumentOutOfRangeException(nameof(L2), "L2 must be ≥ 0");
        if (MaxIterations <= 0) throw new ArgumentOutOfRangeException(nameof(MaxIterations));
        if (!(Tolerance > 0)) throw new ArgumentOutOfRangeException(nameof(Tolerance));
        return this;
    }
}
