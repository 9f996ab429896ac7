using System.Text.Json;
using Assay.Core.Reports;

namespace Assay.Learn.Training;

/// <summary>Turns a loss.jsonl written by <see cref="GptTrainer"/> into a report.html with loss and learning-rate curves.</summary>
public static class TrainingReport
{
    public static string Write(string lossLogPath, string outputDirectory, string title, IEnumerable<(string Key, string Value)> meta)
    {
        var train = new List<(double, double)>();
        var val = new List<(double, double)>();
        var lr = new List<(double, double)>();
        var norm = new List<(double, double)>();
        double ms = 0;
        long tokens = 0;
        foreach (var line in File.ReadLines(lossLogPath))
        {
            if (line.Length == 0) continue;
            using var doc = JsonDocument.Parse(line);
            var e = doc.RootElement;
            double step = e.GetProperty("step").GetInt32();
            train.Add((step, e.GetProperty("loss").GetDouble()));
            lr.Add((step, e.GetProperty("lr").GetDouble()));
            norm.Add((step, e.GetProperty("grad_norm").GetDouble()));
            if (e.TryGetProperty("val_loss", out var v)) val.Add((step, v.GetDouble()));
            ms += e.GetProperty("ms").GetDouble();
            tokens = e.GetProperty("tokens").GetInt64();
        }
        var report = new HtmlReport(title) { Subtitle = "GPT training run (Assay.Learn)" };
        foreach (var (k, v) in meta) report.AddMeta(k, v);
        var summary = report.AddSection("Summary");
        summary.AddKeyValues(
            ("steps", (long)train.Count),
            ("tokens seen", tokens),
            ("final train loss", train.Count > 0 ? train[^1].Item2.ToString("F4", System.Globalization.CultureInfo.InvariantCulture) : "n/a"),
            ("final validation loss", val.Count > 0 ? val[^1].Item2.ToString("F4", System.Globalization.CultureInfo.InvariantCulture) : "n/a"),
            ("tokens/s (this log)", ms > 0 ? ((long)(tokens / (ms / 1000))).ToString(System.Globalization.CultureInfo.InvariantCulture) : "n/a"));
        var chart = new LineChart("Loss") { XLabel = "step", YLabel = "cross-entropy (nats/token)" }.Add("train", train);
        if (val.Count > 0) chart.Add("validation", val);
        summary.AddChart(chart);
        report.AddSection("Optimizer")
            .AddChart(new LineChart("Learning rate") { XLabel = "step", YLabel = "lr" }.Add("lr", lr))
            .AddChart(new LineChart("Gradient norm (before clipping)") { XLabel = "step", YLabel = "L2 norm", LogY = true }.Add("grad norm", norm));
        string path = Path.Combine(outputDirectory, "report.html");
        report.Save(path);
        return path;
    }
}
