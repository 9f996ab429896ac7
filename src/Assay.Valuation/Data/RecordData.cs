using Assay.Core.Records;

namespace Assay.Valuation.Data;

/// <summary>
/// Bridges Core records to dense data: <c>features</c> become the row, <c>label</c> a class index (class keys of
/// train and test together, in ordinal order), <c>source</c> a group index for source valuation.
/// </summary>
public static class RecordData
{
    public sealed record Pair(DenseData Train, DenseData Test, IReadOnlyList<string> ClassNames, IReadOnlyList<string> SourceNames);

    public static Pair FromRecords(IReadOnlyList<Record> train, IReadOnlyList<Record> test)
    {
        if (train.Count == 0) throw new InvalidDataException("the training set has no records");
        int dim = Check(train, "train", null);
        Check(test, "test", dim);
        var classes = train.Concat(test).Select(r => r.Label.Key!).Distinct().Order(StringComparer.Ordinal).ToList();
        var classIndex = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var sources = train.Select(r => r.Source ?? "").Distinct().Order(StringComparer.Ordinal).ToList();
        var sourceIndex = sources.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i, StringComparer.Ordinal);
        DenseData Build(IReadOnlyList<Record> rows, bool withGroups)
        {
            var x = new float[rows.Count * dim];
            var y = new int[rows.Count];
            for (int i = 0; i < rows.Count; i++)
            {
                rows[i].Features!.CopyTo(x, i * dim);
                y[i] = classIndex[rows[i].Label.Key!];
            }
            var g = withGroups ? rows.Select(r => sourceIndex[r.Source ?? ""]).ToArray() : null;
            return new DenseData(x, y, dim, Math.Max(1, classes.Count), g);
        }
        return new Pair(Build(train, true), Build(test, false), classes, sources);
    }

    /// <summary>Features and numeric targets for the regression variant of KNN-Shapley.</summary>
    public sealed record RegressionPair(DenseData Train, double[] TrainTargets, DenseData Test, double[] TestTargets);

    /// <summary>
    /// Dense features plus a numeric target per record: <c>meta[<paramref name="target"/>]</c>, or the numeric
    /// <c>label</c> when <paramref name="target"/> is "label" (e.g. cars: Miles_per_Gallon). Labels are otherwise unused.
    /// </summary>
    public static RegressionPair ForRegression(IReadOnlyList<Record> train, IReadOnlyList<Record> test, string target)
    {
        if (train.Count == 0) throw new InvalidDataException("the training set has no records");
        (DenseData X, double[] Y) Build(IReadOnlyList<Record> rows, string name, int? dim)
        {
            int d = dim ?? rows[0].Features?.Length ?? 0;
            var x = new float[rows.Count * d];
            var y = new double[rows.Count];
            for (int i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                if (r.Features is null || r.Features.Length != d || d == 0)
                    throw new InvalidDataException($"{name} record '{r.Id}' needs {d} 'features'");
                r.Features.CopyTo(x, i * d);
                double? v = target == "label" ? r.Label.Number
                    : r.Meta[target] is System.Text.Json.Nodes.JsonValue j && j.TryGetValue<double>(out var t) ? t : null;
                y[i] = v ?? throw new InvalidDataException($"{name} record '{r.Id}' has no numeric {(target == "label" ? "label" : $"meta.{target}")}");
            }
            return (new DenseData(x, new int[rows.Count], Math.Max(d, 1), 1), y);
        }
        var (xt, yt) = Build(train, "train", null);
        var (xv, yv) = Build(test, "test", xt.Dimension);
        return new RegressionPair(xt, yt, xv, yv);
    }

    private static int Check(IReadOnlyList<Record> rows, string name, int? dim)
    {
        int d = dim ?? rows.FirstOrDefault()?.Features?.Length ?? 0;
        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (r.Features is null)
                throw new InvalidDataException($"{name} record '{r.Id}' has no 'features'; valuation needs numeric features (embed text first)");
            if (r.Features.Length != d)
                throw new InvalidDataException($"{name} record '{r.Id}' has {r.Features.Length} features, expected {d}");
            if (r.Label.IsNone)
                throw new InvalidDataException($"{name} record '{r.Id}' has no 'label'");
        }
        if (d == 0) throw new InvalidDataException($"{name} records have no features");
        return d;
    }

    /// <summary>
    /// Copies of the training records with the finding in <c>meta</c>: <c>value</c>, <c>value_method</c>, and
    /// <c>value_se</c> for sampled methods. Text and features are left as they were.
    /// </summary>
    public static IEnumerable<Record> WithValues(IReadOnlyList<Record> train, Methods.ValuationResult result)
    {
        if (result.Values.Length != train.Count) throw new ArgumentException("one value per training record is required");
        for (int i = 0; i < train.Count; i++)
        {
            var r = train[i].Clone();
            r.Meta["value"] = result.Values[i];
            r.Meta["value_method"] = result.Method;
            if (result.StandardErrors is { } se && double.IsFinite(se[i])) r.Meta["value_se"] = se[i];
            yield return r;
        }
    }

    /// <summary>
    /// Splits off a validation share by a stable hash of the id (the rule of <c>assay train classifier</c>): the same
    /// records are held out on every run and whatever the input order, and labels play no part.
    /// </summary>
    public static (List<Record> Train, List<Record> Test) Holdout(IEnumerable<Record> records, double fraction, ulong seed)
    {
        if (fraction is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(fraction), $"holdout must be in (0, 1), got {fraction}");
        ulong cut = (ulong)(fraction * 18446744073709551616.0);
        var train = new List<Record>();
        var test = new List<Record>();
        foreach (var r in records) (Core.Hashing.XxHash64.HashString(r.Id, seed) < cut ? test : train).Add(r);
        return (train, test);
    }

    /// <summary>Records for a dense set that came without any (e.g. IDX files): id PREFIX-i, empty text, the class index as label.</summary>
    public static IReadOnlyList<Record> Synthesize(DenseData data, string prefix) =>
        Enumerable.Range(0, data.Count).Select(i => new Record($"{prefix}-{i}", "") { Label = Label.Of(data.Labels[i]) }).ToList();
}
