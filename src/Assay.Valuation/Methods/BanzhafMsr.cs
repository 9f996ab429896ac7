using System.Diagnostics;
using Assay.Valuation.Data;
using Assay.Valuation.Models;

namespace Assay.Valuation.Methods;

/// <summary>
/// Data Banzhaf by Maximum Sample Reuse (Wang &amp; Jia 2023): draw M uniform subsets, evaluate each once, and
/// v_i = mean{U(S) : i ∈ S} − mean{U(S) : i ∉ S}; every sample serves every point. Standard error from the
/// two sample variances, √(s²_in/n_in + s²_out/n_out).
/// </summary>
public sealed class BanzhafMsr(BanzhafMsrOptions? options = null, IUtilityModel? model = null) : IDataValuator
{
    public BanzhafMsrOptions Options { get; } = (options ?? new BanzhafMsrOptions()).Validated();
    public IUtilityModel Model { get; } = model ?? new LogisticRegressionModel();

    public string Name => "banzhaf-msr";

    public ValuationResult Value(DenseData train, DenseData test, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var sw = Stopwatch.StartNew();
        var u = new SubsetUtility(Model, train, test);
        int n = train.Count, m = Options.Samples;
        var members = new bool[m][];
        var utility = new double[m];
        int done = 0;
        Parallel.For(0, m, new ParallelOptions { MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism ?? Environment.ProcessorCount, CancellationToken = cancellationToken }, s =>
        {
            var rng = Seeds.For(Options.Seed, s);
            var inS = new bool[n];
            var rows = new List<int>(n);
            for (int i = 0; i < n; i++) if (inS[i] = rng.Next(2) == 1) rows.Add(i);
            members[s] = inS;
            utility[s] = u.Evaluate(rows.ToArray());
            if (progress is not null) progress.Report(Interlocked.Increment(ref done) / (double)m);
        });
        var inside = new RunningMoments(n);
        var outside = new RunningMoments(n);
        for (int s = 0; s < m; s++)
            for (int i = 0; i < n; i++)
                (members[s][i] ? inside : outside).Add(i, utility[s]);
        var mi = inside.Mean();
        var mo = outside.Mean();
        var sei = inside.StandardError();
        var seo = outside.StandardError();
        var values = new double[n];
        var se = new double[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = mi[i] - mo[i];
            se[i] = Math.Sqrt(sei[i] * sei[i] + seo[i] * seo[i]);
        }
        return new ValuationResult(Name, values, se) { Samples = m, UtilityEvaluations = u.Evaluations, ElapsedSeconds = sw.Elapsed.TotalSeconds };
    }
}
