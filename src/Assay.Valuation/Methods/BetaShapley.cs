using System.Diagnostics;
using Assay.Valuation.Data;
using Assay.Valuation.Models;

namespace Assay.Valuation.Methods;

/// <summary>
/// Beta(α, β)-Shapley (Kwon &amp; Zou 2022) by permutation sampling: a marginal with |S| predecessors is
/// weighted by w_Beta(|S|) / w_Shapley(|S|), so the estimate is unbiased for the semivalue
/// Σ_S B(|S|+β, n−1−|S|+α)/B(α,β) · [U(S∪i) − U(S)].
/// </summary>
public sealed class BetaShapley(BetaShapleyOptions? options = null, IUtilityModel? model = null) : IDataValuator
{
    public BetaShapleyOptions Options { get; } = (options ?? new BetaShapleyOptions()).Validated();
    public IUtilityModel Model { get; } = model ?? new LogisticRegressionModel();

    public string Name => "beta-shapley";

    public ValuationResult Value(DenseData train, DenseData test, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var sw = Stopwatch.StartNew();
        int n = train.Count;
        var u = new PointCoalitionUtility(new SubsetUtility(Model, train, test));
        var e = PermutationSampler.Run(u, s => ImportanceWeight(s, n, Options.Alpha, Options.Beta), Options.SamplingOrDefault, progress, cancellationToken);
        return new ValuationResult(Name, e.Values, e.StandardErrors)
        { Samples = e.Permutations, UtilityEvaluations = e.Evaluations, ElapsedSeconds = sw.Elapsed.TotalSeconds };
    }

    internal static double ImportanceWeight(int s, int n, double alpha, double beta) =>
        Math.Exp(SpecialFunctions.LogBeta(s + beta, n - 1 - s + alpha) - SpecialFunctions.LogBeta(alpha, beta)
                 - (SpecialFunctions.LogFactorial(s) + SpecialFunctions.LogFactorial(n - s - 1) - SpecialFunctions.LogFactorial(n)));
}
