namespace Assay.Valuation.Methods;

/// <summary>
/// LAVA settings (Just et al. 2023, "LAVA: data valuation without pre-specified learning algorithms").
/// <see cref="LabelWeight"/> λ weighs the label (class-to-class OT) distance against the squared feature
/// distance, 1 as in OTDD (Alvarez-Melis &amp; Fusi 2020). ε is <see cref="EpsilonScale"/> × mean ground cost.
/// Class-conditional clouds for the label distance are subsampled to <see cref="MaxPointsPerClass"/>.
/// Memory is O(N·T) doubles for the ground cost.
/// </summary>
public sealed record LavaOptions(
    double LabelWeight = 1.0,
    double EpsilonScale = 0.05,
    int MaxIterations = 2000,
    double Tolerance = 1e-6,
    int MaxPointsPerClass = 200,
    int Seed = 0)
{
    public LavaOptions Validated()
    {
        if (!(LabelWeight >= 0)) throw new ArgumentOutOfRangeException(nameof(LabelWeight));
        if (!(EpsilonScale > 0)) throw new ArgumentOutOfRangeException(nameof(EpsilonScale));
        if (MaxIterations <= 0) throw new ArgumentOutOfRangeException(nameof(MaxIterations));
        if (!(Tolerance > 0)) throw new ArgumentOutOfRangeException(nameof(Tolerance));
        if (MaxPointsPerClass <= 0) throw new ArgumentOutOfRangeException(nameof(MaxPointsPerClass));
        return this;
    }
}
