using Assay.Core.Reports;

namespace Assay.Valuation.Evaluation;

/// <summary>
/// The <c>report.html</c> of <c>assay value eval</c>: several methods side by side, noisy-label F1 / AUC bars beside the
/// published figures, or removal / addition accuracy curves.
/// </summary>
public static class EvaluationReport
{
    /// <summary>
    /// F1 of noisy-label detection published by the Data-OOB authors (Kwon &amp; Zou 2023, OpenDataVal benchmark): MagicTelescope,
    /// 300 training points, 10% flipped. Keyed by our method names.
    /// </summary>
    public static IReadOnlyDictionary<string, double> PublishedNoisyF1 { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["data-oob"] = 0.43, ["knn-shapley"] = 0.31, ["beta-shapley"] = 0.30, ["tmc-shapley"] = 0.28, ["loo"] = 0.18,
    };

    public static HtmlReport Noisy(string data, IReadOnlyList<NoisyLabelResult> results)
    {
        var report = new HtmlReport("Noisy-label detection") { Subtitle = $"{data}: labels flipped, values split by 2-means, F1 of the low cluster against the flipped set" };
        var first = results.FirstOrDefault();
        if (first is not null) report.AddMeta("training records", first.TrainCount).AddMeta("flipped", first.Flipped).AddMeta("noise rate", first.NoiseRate);
        var table = new Table("method", "F1", "precision", "recall", "AUC", "flagged", "seconds", "published F1 (MagicTelescope)");
        foreach (var r in results.OrderByDescending(r => r.F1))
            table.AddRow(r.Method, r.F1, r.Precision, r.Recall, r.Auc, r.Predicted, r.ElapsedSeconds,
                PublishedNoisyF1.TryGetValue(r.Method, out var p) ? p : null);
        report.AddSection("F1 by method")
            .AddChart(new BarChart("F1 (higher is better)", results.Select(r => new KeyValuePair<string, double>(r.Method, r.F1))) { Sort = BarSort.Descending })
            .AddChart(new BarChart("AUC: P(flipped valued below clean)", results.Select(r => new KeyValuePair<string, double>(r.Method, r.Auc))) { Sort = BarSort.Descending })
            .AddTable(table)
            .AddParagraph("Published ordering (Data-OOB paper, MagicTelescope, 300 points, 10% flipped): data-oob 0.43 > knn-shapley 0.31 > beta-shapley 0.30 > tmc-shapley (Data Shapley) 0.28 > loo 0.18. A different data set, so compare orderings, not numbers.");
        return report;
    }

    public static HtmlReport Curves(string data, IReadOnlyList<DataCurve> curves)
    {
        var task = curves.FirstOrDefault()?.Task ?? "removal";
        var report = new HtmlReport($"Point {task}") { Subtitle = $"{data}: test accuracy of a retrained model as points are {(task == "removal" ? "removed" : "added")} by value" };
        var section = report.AddSection("Accuracy curves");
        foreach (var order in new[] { "high-value first", "low-value first" })
        {
            var chart = new LineChart($"{order}") { XLabel = $"share {(task == "removal" ? "removed" : "added")}", YLabel = "test accuracy" };
            foreach (var c in curves)
                chart.Add(c.Method, c.Fractions.Select((f, i) => (f, order.StartsWith("high", StringComparison.Ordinal) ? c.HighFirst[i] : c.LowFirst[i])));
            section.AddChart(chart);
        }
        return report;
    }
}
