namespace Assay.Valuation.Methods;

/// <summary>
/// Threshold-KNN-Shapley settings (Wang et al. 2023, "Threshold KNN-Shapley: a linear-time and
/// privacy-friendly approach to data valuation"). <see cref="Threshold"/> τ is a Euclidean distance;
/// null picks the median, over up to 200 test points, of the distance to the <see cref="AutoK"/>-th nearest
/// training point (our heuristic; the paper tunes τ on validation data).
/// Privacy: when <see cref="Epsilon"/> is set, the two per-test-point counts are released with the Gaussian
/// mechanism (Dwork &amp; Roth 2014, Thm A.1: σ = Δ·√(2 ln(1.25/δ))/ε, valid for ε &lt; 1) with L2 sensitivity
/// Δ = √(2·T) over T test points, since one training point moves each count by at most 1.
/// </summary>
public sealed record ThresholdKnnShapleyOptions(
    double? Threshold = null,
    int AutoK = 10,
    double? Epsilon = null,
    double Delta = 1e-5,
    int Seed = 0,
    int? MaxDegreeOfParallelism = null,
    int TestBlockSize = 64)
{
    public ThresholdKnnShapleyOptions Validated()
    {
        if (Threshold is not null && !(Threshold > 0)) throw new ArgumentOutOfRangeException(nameof(Threshold), "τ must be positive");
        if (AutoK <= 0) throw new ArgumentOutOfRangeException(nameof(AutoK));
        if (Epsilon is not null && !(Epsilon > 0 && Epsilon < 1)) throw new ArgumentOutOfRangeException(nameof(Epsilon), "the Gaussian mechanism bound used needs 0 < ε < 1");
        if (!(Delta > 0 && Delta < 1)) throw new ArgumentOutOfRangeException(nameof(Delta));
        if (MaxDegreeOfParallelism is <= 0) throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism));
        if (TestBlockSize <= 0 || TestBlockSize % 8 != 0) throw new ArgumentOutOfRangeException(nameof(TestBlockSize));
        return this;
    }
}
