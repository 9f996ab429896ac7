using Assay.Valuation.Data;
using Assay.Valuation.Models;

namespace Assay.Valuation.Evaluation;

/// <summary>
/// OpenDataVal's point removal / addition experiments (Jiang et al. 2023; removal as in Ghorbani &amp; Zou 2019,
/// Fig. 2): rank training points by value, retrain the evaluation model on what remains (or has been added)
/// at each step of <paramref name="step"/> (5% by default), and record test accuracy.
/// A good valuation makes accuracy drop fast when removing high-value points first and rise fast when
/// adding them first.
/// </summary>
public static class PointRemovalAddition
{
    public static DataCurve Removal(string method, double[] values, DenseData train, DenseData test, IUtilityModel model,
        double step = 0.05, double maxFraction = 0.5, CancellationToken cancellationToken = default)
    {
        var fractions = Fractions(0, maxFraction, step);
        var high = Ranked(values, descending: true);
        var low = Ranked(values, descending: false);
        double Acc(int[] order, double f)
        {
            int removed = (int)Math.Round(f * train.Count);
            return Score(model, train, test, order.AsSpan(removed));
        }
        return Curve(method, "removal", fractions, high, low, Acc, cancellationToken);
    }

    public static DataCurve Addition(string method, double[] values, DenseData train, DenseData test, IUtilityModel model,
        double step = 0.05, CancellationToken cancellationToken = default)
    {
        var fractions = Fractions(step, 1.0, step);
        var high = Ranked(values, descending: true);
        var low = Ranked(values, descending: false);
        double Acc(int[] order, double f) => Score(model, train, test, order.AsSpan(0, (int)Math.Round(f * train.Count)));
        return Curve(method, "addition", fractions, high, low, Acc, cancellationToken);
    }

    private static DataCurve Curve(string method, string task, double[] fractions, int[] high, int[] low,
        Func<int[], double, double> accuracy, CancellationToken ct)
    {
        var h = new double[fractions.Length];
        var l = new double[fractions.Length];
        Parallel.For(0, 2 * fractions.Length, new ParallelOptions { CancellationToken = ct }, k =>
        {
            int f = k / 2;
            if (k % 2 == 0) h[f] = accuracy(high, fractions[f]);
            else l[f] = accuracy(low, fractions[f]);
        });
        return new DataCurve(method, task, fractions, h, l);
    }

    private static double Score(IUtilityModel model, DenseData train, DenseData test, ReadOnlySpan<int> rows) =>
        model.Fit(train, rows).Score(test);

    private static int[] Ranked(double[] values, bool descending)
    {
        var idx = Enumerable.Range(0, values.Length);
        // Ties broken by index so the order is reproducible.
        return (descending ? idx.OrderByDescending(i => values[i]) : idx.OrderBy(i => values[i])).ThenBy(i => i).ToArray();
    }

    private static double[] Fractions(double from, double to, double step)
    {
        if (!(step > 0 && step <= 1)) throw new ArgumentOutOfRangeException(nameof(step));
        var list = new List<double>();
        for (int k = 0; from + k * step <= to + 1e-9; k++) list.Add(Math.Round(from + k * step, 10));
        return list.ToArray();
    }
}
