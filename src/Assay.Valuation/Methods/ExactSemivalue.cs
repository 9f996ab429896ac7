namespace Assay.Valuation.Methods;

/// <summary>
/// Semivalues by full enumeration of the 2^n subsets (n ≤ 20): φ_i = Σ_{S ⊆ N∖{i}} w(|S|) [U(S ∪ i) − U(S)].
/// The reference every sampled estimator is tested against, and the exact path of group Shapley.
/// </summary>
public static class ExactSemivalue
{
    public const int MaxPlayers = 20;

    /// <summary>Shapley weight |S|!(n−|S|−1)!/n!.</summary>
    public static double ShapleyWeight(int s, int n) => Math.Exp(SpecialFunctions.LogFactorial(s) + SpecialFunctions.LogFactorial(n - s - 1) - SpecialFunctions.LogFactorial(n));

    /// <summary>Banzhaf weight 1/2^(n−1) (Wang &amp; Jia 2023).</summary>
    public static double BanzhafWeight(int s, int n) => Math.Pow(0.5, n - 1);

    /// <summary>
    /// Beta(α, β) weight per subset (Kwon &amp; Zou 2022, eq. 3): w(s) = B(s + β, n − 1 − s + α) / B(α, β),
    /// which for α = β = 1 is the Shapley weight.
    /// </summary>
    public static double BetaWeight(int s, int n, double alpha, double beta) =>
        Math.Exp(SpecialFunctions.LogBeta(s + beta, n - 1 - s + alpha) - SpecialFunctions.LogBeta(alpha, beta));

    /// <summary>Utility of every subset mask, then the weighted sum of marginals. <paramref name="utility"/> gets the members of a mask.</summary>
    public static double[] Compute(int n, Func<int[], double> utility, Func<int, int, double> weight)
    {
        if (n < 0 || n > MaxPlayers) throw new ArgumentOutOfRangeException(nameof(n), $"exact enumeration supports at most {MaxPlayers} players");
        var u = new double[1 << n];
        Parallel.For(0, 1 << n, mask =>
        {
            var members = new int[int.PopCount(mask)];
            for (int i = 0, k = 0; i < n; i++) if ((mask >> i & 1) != 0) members[k++] = i;
            u[mask] = utility(members);
        });
        var w = new double[n];
        for (int s = 0; s < n; s++) w[s] = weight(s, n);
        var phi = new double[n];
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int mask = 0; mask < 1 << n; mask++)
                if ((mask >> i & 1) == 0) sum += w[int.PopCount(mask)] * (u[mask | 1 << i] - u[mask]);
            phi[i] = sum;
        }
        return phi;
    }
}
