using System.Diagnostics;
using Assay.Valuation.Data;
using Assay.Valuation.Models;

namespace Assay.Valuation.Methods;

/// <summary>
/// Leave-one-out: v_i = U(N) − U(N ∖ {i}) (Koh &amp; Liang 2017 use it as the ground truth of influence;
/// OpenDataVal's LOO baseline). Each refit is warm-started from the full fit.
/// </summary>
public sealed class LeaveOneOut(IUtilityModel? model = null, int? maxDegreeOfParallelism = null) : IDataValuator
{
    public IUtilityModel Model { get; } = model ?? new LogisticRegressionModel();

    public string Name => "loo";

    public ValuationResult Value(DenseData train, DenseData test, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var sw = Stopwatch.StartNew();
        var u = new SubsetUtility(Model, train, test);
        int n = train.Count;
        var all = Enumerable.Range(0, n).ToArray();
        var fullModel = u.Fit(all);
        double full = fullModel.Score(test);
        var values = new double[n];
        int done = 0;
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount, CancellationToken = cancellationToken }, i =>
        {
            var rest = new int[n - 1];
            all.AsSpan(0, i).CopyTo(rest);
            all.AsSpan(i + 1).CopyTo(rest.AsSpan(i));
            values[i] = full - u.Fit(rest, fullModel).Score(test);
            if (progress is not null) progress.Report(Interlocked.Increment(ref done) / (double)n);
        });
        return new ValuationResult(Name, values) { UtilityEvaluations = u.Evaluations, ElapsedSeconds = sw.Elapsed.TotalSeconds };
    }
}
