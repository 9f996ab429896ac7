namespace Assay.Curation.Dedup;

/// <summary>
/// Banding of a MinHash signature: <see cref="Bands"/> bands of <see cref="Rows"/> rows each; two
/// documents become candidates when all rows of at least one band agree, which happens with
/// probability 1 − (1 − s^r)^b at Jaccard s.
/// </summary>
public sealed record LshParameters(int Bands, int Rows)
{
    /// <summary>
    /// The (b, r) with b·r ≤ num_perm minimizing
    /// fpWeight·∫₀ᵗ P(s) ds + fnWeight·∫ₜ¹ (1 − P(s)) ds — datasketch's <c>_optimal_param</c>,
    /// also used by text-dedup, with equal weights 0.5 by default. The integrals use composite
    /// Simpson's rule (datasketch uses scipy quad; the chosen (b, r) agree on the tested cases).
    /// </summary>
    public static LshParameters Optimal(double threshold, int numPerm, double fpWeight = 0.5, double fnWeight = 0.5)
    {
        if (threshold is <= 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "Jaccard threshold must be in (0, 1).");
        double best = double.PositiveInfinity;
        var opt = new LshParameters(1, 1);
        for (int b = 1; b <= numPerm; b++)
        {
            for (int r = 1; r <= numPerm / b; r++)
            {
                double fp = Integrate(s => CandidateProbability(s, b, r), 0, threshold);
                double fn = Integrate(s => 1 - CandidateProbability(s, b, r), threshold, 1);
                double error = fpWeight * fp + fnWeight * fn;
                if (error < best)
                {
                    best = error;
                    opt = new LshParameters(b, r);
                }
            }
        }
        return opt;
    }

    /// <summary>P(candidate | Jaccard s) = 1 − (1 − s^r)^b.</summary>
    public static double CandidateProbability(double s, int bands, int rows) =>
        1 - Math.Pow(1 - Math.Pow(s, rows), bands);

    private static double Integrate(Func<double, double> f, double lo, double hi)
    {
        const int n = 256; // even
        double h = (hi - lo) / n, sum = f(lo) + f(hi);
        for (int i = 1; i < n; i++)
            sum += f(lo + i * h) * (i % 2 == 1 ? 4 : 2);
        return sum * h / 3;
    }

    public void Validate(int numPerm)
    {
        if (Bands <= 0 || Rows <= 0 || Bands * Rows > numPerm)
            throw new ArgumentException($"bands × rows = {Bands} × {Rows} must be positive and at most num_perm = {numPerm}.");
    }
}
