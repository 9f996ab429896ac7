using Assay.Core.Hashing;
using Assay.Core.Records;
using Assay.Learn.Models;

namespace Assay.Learn.Supervised;

/// <summary>
/// Trains softmax regression or an MLP on records' <c>features</c> and <c>label</c>, holding out a
/// deterministic share of records by a stable hash of their id (so the split never depends on order).
/// </summary>
public static class FeatureClassifierTrainer
{
    public static FeatureClassifierReport Train(IEnumerable<Record> records, string model, double holdout, ulong seed,
        int hidden = 32, float l2 = 1e-3f, IReadOnlyList<Record>? test = null)
    {
        if (model is not ("linear" or "mlp")) throw new ArgumentException($"unknown model '{model}' (use linear or mlp)");
        if (test is null && holdout is <= 0 or >= 1) throw new ArgumentException($"holdout must be in (0, 1), got {holdout}");
        var all = records.ToList();
        var train = new List<Record>();
        var held = new List<Record>(test ?? []);
        ulong cut = (ulong)(holdout * 18446744073709551616.0);
        foreach (var r in all)
            (test is null && XxHash64.HashString(r.Id, seed) < cut ? held : train).Add(r);
        if (train.Count == 0 || held.Count == 0) throw new ArgumentException($"need records on both sides of the split (train {train.Count}, held out {held.Count})");

        int dim = train[0].Features?.Length ?? throw new ArgumentException($"record '{train[0].Id}' has no features (embed text first: assay embed)");
        var classes = train.Concat(held).Select(r => r.Label.Key ?? throw new ArgumentException($"record '{r.Id}' has no label"))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        if (classes.Count < 2) throw new ArgumentException("need at least two classes");
        var index = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var (xTr, yTr) = Dense(train, dim, index);
        var (xTe, yTe) = Dense(held, dim, index);

        IDifferentiableClassifier clf;
        int iterations;
        if (model == "linear")
        {
            var m = SoftmaxRegression.Fit(xTr, yTr, new SoftmaxRegressionOptions(L2: l2, Classes: classes.Count));
            (clf, iterations) = (m, m.Iterations);
        }
        else
        {
            var m = MlpClassifier.Fit(xTr, yTr, new MlpOptions(Hidden: hidden, L2: l2, Classes: classes.Count, Seed: (int)(seed & 0x7FFFFFFF)));
            (clf, iterations) = (m, m.Iterations);
        }
        double majority = yTe.GroupBy(y => y).Max(g => g.Count()) / (double)yTe.Length;
        return new FeatureClassifierReport(model, dim, classes, train.Count, held.Count,
            Accuracy(clf, xTr, yTr, classes.Count), Accuracy(clf, xTe, yTe, classes.Count), majority, iterations);
    }

    private static (float[] X, int[] Y) Dense(List<Record> rows, int dim, Dictionary<string, int> index)
    {
        var x = new float[rows.Count * dim];
        var y = new int[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            var f = rows[i].Features ?? throw new ArgumentException($"record '{rows[i].Id}' has no features");
            if (f.Length != dim) throw new ArgumentException($"record '{rows[i].Id}' has {f.Length} features, expected {dim}");
            f.CopyTo(x, i * dim);
            y[i] = index[rows[i].Label.Key!];
        }
        return (x, y);
    }

    private static double Accuracy(IDifferentiableClassifier clf, float[] x, int[] y, int classes)
    {
        var probs = new float[y.Length * classes];
        clf.PredictProba(x, probs);
        int correct = 0;
        for (int i = 0; i < y.Length; i++)
        {
            var p = probs.AsSpan(i * classes, classes);
            int best = 0;
            for (int c = 1; c < classes; c++) if (p[c] > p[best]) best = c;
            if (best == y[i]) correct++;
        }
        return correct / (double)y.Length;
    }
}
