using System.Globalization;
using System.Text.Json;

namespace Assay.Valuation.Data;

/// <summary>
/// Reads small tabular sets: CSV with a header row, or a JSON array of flat objects (the shape of
/// vega-datasets' penguins.json / cars.json). Numeric columns other than the label become features;
/// rows with a missing value in a used column are skipped; labels are mapped to class indices in
/// ordinal string order so the mapping is stable across runs.
/// </summary>
public static class TabularReader
{
    public sealed record Table(DenseData Data, IReadOnlyList<string> FeatureNames, IReadOnlyList<string> ClassNames, int SkippedRows);

    public static Table ReadCsv(string path, string labelColumn, IReadOnlyList<string>? featureColumns = null)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        if (lines.Length == 0) throw new InvalidDataException($"{path}: empty CSV");
        var header = lines[0].Split(',').Select(h => h.Trim().Trim('"')).ToArray();
        var rows = lines.Skip(1).Select(l => l.Split(',').Select(c => c.Trim().Trim('"')).ToArray())
            .Select(cells => header.Select((h, i) => (h, v: i < cells.Length ? cells[i] : "")).ToDictionary(p => p.h, p => (string?)p.v));
        return Build(path, rows.ToList(), header, labelColumn, featureColumns);
    }

    public static Table ReadJsonArray(string path, string labelColumn, IReadOnlyList<string>? featureColumns = null)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        if (doc.RootElement.ValueKind != JsonValueKind.Array) throw new InvalidDataException($"{path}: expected a JSON array of objects");
        var rows = new List<Dictionary<string, string?>>();
        var columns = new List<string>();
        foreach (var o in doc.RootElement.EnumerateArray())
        {
            var row = new Dictionary<string, string?>();
            foreach (var p in o.EnumerateObject())
            {
                if (!columns.Contains(p.Name)) columns.Add(p.Name);
                row[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.Number => p.Value.GetRawText(),
                    JsonValueKind.String => p.Value.GetString(),
                    _ => null,
                };
            }
            rows.Add(row);
        }
        return Build(path, rows, columns, labelColumn, featureColumns);
    }

    private static Table Build(string path, List<Dictionary<string, string?>> rows, IReadOnlyList<string> columns,
        string labelColumn, IReadOnlyList<string>? featureColumns)
    {
        if (!columns.Contains(labelColumn))
            throw new InvalidDataException($"{path}: no label column '{labelColumn}'; columns are {string.Join(", ", columns)}");
        var features = featureColumns?.ToList() ?? columns.Where(c => c != labelColumn && rows.All(r =>
            !r.TryGetValue(c, out var v) || string.IsNullOrEmpty(v) || v == "NA" || IsNumber(v))).ToList();
        var kept = rows.Where(r => !string.IsNullOrEmpty(r.GetValueOrDefault(labelColumn)) &&
            features.All(c => r.TryGetValue(c, out var v) && v is not null && IsNumber(v))).ToList();
        var classes = kept.Select(r => r[labelColumn]!).Distinct().Order(StringComparer.Ordinal).ToList();
        var classIndex = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        var x = new float[kept.Count * features.Count];
        var y = new int[kept.Count];
        for (int i = 0; i < kept.Count; i++)
        {
            for (int j = 0; j < features.Count; j++)
                x[i * features.Count + j] = float.Parse(kept[i][features[j]]!, CultureInfo.InvariantCulture);
            y[i] = classIndex[kept[i][labelColumn]!];
        }
        if (features.Count == 0 || kept.Count == 0) throw new InvalidDataException($"{path}: no numeric feature rows");
        return new Table(new DenseData(x, y, features.Count, Math.Max(1, classes.Count)), features, classes, rows.Count - kept.Count);
    }

    private static bool IsNumber(string s) => float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>Standardizes each feature to mean 0, variance 1 using statistics of <paramref name="fitOn"/>.</summary>
    public static (DenseData A, DenseData B) Standardize(DenseData fitOn, DenseData other)
    {
        int d = fitOn.Dimension;
        var mean = new double[d];
        var sq = new double[d];
        for (int i = 0; i < fitOn.Count; i++)
        {
            var r = fitOn.Row(i);
            for (int j = 0; j < d; j++) { mean[j] += r[j]; sq[j] += (double)r[j] * r[j]; }
        }
        var sd = new double[d];
        for (int j = 0; j < d; j++)
        {
            mean[j] /= fitOn.Count;
            sd[j] = Math.Sqrt(Math.Max(sq[j] / fitOn.Count - mean[j] * mean[j], 0));
            if (sd[j] < 1e-12) sd[j] = 1;
        }
        DenseData Apply(DenseData s)
        {
            var f = new float[s.Features.Length];
            for (int i = 0; i < s.Count; i++)
                for (int j = 0; j < d; j++)
                    f[i * d + j] = (float)((s.Features[i * d + j] - mean[j]) / sd[j]);
            return new DenseData(f, s.Labels, d, s.ClassCount, s.Groups);
        }
        return (Apply(fitOn), Apply(other));
    }
}
