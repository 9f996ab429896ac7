using System.Diagnostics;
using Assay.Valuation.Data;
using Assay.Valuation.Models;

namespace Assay.Valuation.Methods;

/// <summary>
/// Data-OOB (Kwon &amp; Zou 2023): fit the learner on B bootstrap samples; a point's value is the mean
/// correctness 1[f_b(x_i) = y_i] over the bags it was left out of. Needs no test set (the test argument
/// is ignored). Standard error of that mean over its OOB bags.
/// </summary>
public sealed class DataOob(DataOobOptions? options = null, IUtilityModel? model = null) : IDataValuator
{
    public DataOobOptions Options { get; } = (options ?? new DataOobOptions()).Validated();
    public IUtilityModel Model { get; } = model ?? new LogisticRegressionModel();

    public string Name => "data-oob";

    public ValuationResult Value(DenseData train, DenseData test, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var sw = Stopwatch.StartNew();
        int n = train.Count, b = Options.Bags;
        var correct = new sbyte[b][];   // −1 in bag, else 0/1 correctness
        int done = 0;
        Parallel.For(0, b, new ParallelOptions { MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism ?? Environment.ProcessorCount, CancellationToken = cancellationToken }, bag =>
        {
            var rng = Seeds.For(Options.Seed, bag);
            var sample = new int[n];
            var inBag = new bool[n];
            for (int i = 0; i < n; i++) { sample[i] = rng.Next(n); inBag[sample[i]] = true; }
            var f = Model.Fit(train, sample);
            var c = new sbyte[n];
            for (int i = 0; i < n; i++)
                c[i] = inBag[i] ? (sbyte)-1 : (sbyte)(f.Predict(train.Row(i)) == train.Labels[i] ? 1 : 0);
            correct[bag] = c;
            if (progress is not null) progress.Report(Interlocked.Increment(ref done) / (double)b);
        });
        var moments = new RunningMoments(n);
        for (int bag = 0; bag < b; bag++)
            for (int i = 0; i < n; i++)
                if (correct[bag][i] >= 0) moments.Add(i, correct[bag][i]);
        return new ValuationResult(Name, moments.Mean(), moments.StandardError())
        { Samples = b, UtilityEvaluations = b, ElapsedSeconds = sw.Elapsed.TotalSeconds };
    }
}
