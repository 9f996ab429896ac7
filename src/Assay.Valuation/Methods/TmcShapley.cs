using System.Diagnostics;
using Assay.Valuation.Data;
using Assay.Valuation.Models;

namespace Assay.Valuation.Methods;

/// <summary>
/// TMC-Shapley (Ghorbani &amp; Zou 2019, "Data Shapley: equitable valuation of data for machine learning",
/// Alg. 1): truncated Monte-Carlo permutation sampling of the Shapley value with the given learner as utility.
/// </summary>
public sealed class TmcShapley(PermutationSamplingOptions? options = null, IUtilityModel? model = null) : IDataValuator
{
    public PermutationSamplingOptions Options { get; } = (options ?? new PermutationSamplingOptions()).Validated();
    public IUtilityModel Model { get; } = model ?? new LogisticRegressionModel();

    public string Name => "tmc-shapley";

    public ValuationResult Value(DenseData train, DenseData test, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var sw = Stopwatch.StartNew();
        var u = new PointCoalitionUtility(new SubsetUtility(Model, train, test));
        var e = PermutationSampler.Run(u, null, Options, progress, cancellationToken);
        return new ValuationResult(Name, e.Values, e.StandardErrors)
        { Samples = e.Permutations, UtilityEvaluations = e.Evaluations, ElapsedSeconds = sw.Elapsed.TotalSeconds };
    }
}
