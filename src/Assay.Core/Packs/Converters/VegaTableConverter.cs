using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assay.Core.Datasets;
using Assay.Core.Records;

namespace Assay.Core.Packs.Converters;

/// <summary>
/// A flat JSON table of vega-datasets (data/penguins.json, data/cars.json) as numeric records:
/// <c>features</c> = the <paramref name="featureColumns"/> z-scored (mean 0, sd 1 over the kept rows, so no
/// column dominates Euclidean distances: body mass in grams would otherwise swamp beak depth in mm), <c>label</c> =
/// <paramref name="labelColumn"/>, and every original column verbatim in <c>meta</c>. Rows missing the label or any
/// feature (or the <paramref name="targetColumn"/>, kept as a regression target) are dropped; their number is pinned
/// in the catalog and checked here, so a changed package fails loudly instead of silently shrinking.
/// </summary>
internal sealed class VegaTableConverter(string file, string idPrefix, string labelColumn, IReadOnlyList<string> featureColumns,
    int expectedDropped, string? targetColumn = null, string? dateColumn = null) : IPackConverter
{
    public void Convert(string packageDir, DatasetWriter? writer, string? assetDir)
    {
        var path = Path.Combine(packageDir, "data", file);
        PackFiles.Require(path);
        var table = PackFiles.Json(path);
        if (table.ValueKind != JsonValueKind.Array) throw new InvalidDataException($"{path}: expected a JSON array of rows");
        var rows = table.EnumerateArray().ToList();
        var kept = new List<(int Row, double[] X)>();
        for (int i = 0; i < rows.Count; i++)
            if (Numbers(rows[i]) is { } x && Str(rows[i], labelColumn) is not null && (targetColumn is null || Num(rows[i], targetColumn) is not null))
                kept.Add((i, x));
        int dropped = rows.Count - kept.Count;
        if (dropped != expectedDropped)
            throw new InvalidDataException($"{path}: {dropped} rows lack the label or a feature, expected {expectedDropped}; the package may have changed");
        var (mean, sd) = Moments(kept.Select(k => k.X).ToList(), featureColumns.Count);
        foreach (var (row, x) in kept)
        {
            var e = rows[row];
            var meta = new JsonObject();
            foreach (var p in e.EnumerateObject()) meta[p.Name] = JsonNode.Parse(p.Value.GetRawText());
            writer!.Write(new Record($"{idPrefix}-{row:D4}", "")
            {
                Source = idPrefix,
                Label = Label.Of(Str(e, labelColumn)!),
                Features = x.Select((v, j) => (float)((v - mean[j]) / sd[j])).ToArray(),
                Meta = meta,
            });
        }
    }

    private double[]? Numbers(JsonElement e)
    {
        var x = new double[featureColumns.Count];
        for (int j = 0; j < x.Length; j++)
        {
            var v = featureColumns[j] == dateColumn ? Year(e, dateColumn) : Num(e, featureColumns[j]);
            if (v is null) return null;
            x[j] = v.Value;
        }
        return x;
    }

    private static double? Num(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Length > 0 ? v.GetString() : null;

    // Population sd; a constant column keeps sd 1 so it becomes all zeros rather than NaN.
    private static (double[] Mean, double[] Sd) Moments(List<double[]> xs, int d)
    {
        var mean = new double[d];
        var sd = new double[d];
        foreach (var x in xs) for (int j = 0; j < d; j++) mean[j] += x[j] / xs.Count;
        foreach (var x in xs) for (int j = 0; j < d; j++) sd[j] += (x[j] - mean[j]) * (x[j] - mean[j]) / xs.Count;
        for (int j = 0; j < d; j++) sd[j] = sd[j] > 0 ? Math.Sqrt(sd[j]) : 1;
        return (mean, sd);
    }

    // cars.json dates model years as "1970-01-01"; the year is the feature.
    private static double? Year(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: >= 4 } s &&
        int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
}
