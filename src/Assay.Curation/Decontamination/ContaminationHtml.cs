using Assay.Core.Reports;

namespace Assay.Curation.Decontamination;

/// <summary>
/// <c>report.html</c> beside contamination.json: per benchmark, how many items were found in the
/// training data and their LLaMA 2 categories (clean &lt; 20 % of tokens covered, dirty ≥ 80 %), and the
/// most-covered items with the training ids that contain them.
/// </summary>
public static class ContaminationHtml
{
    private const int TopItems = 15;

    public static HtmlReport Build(ContaminationReport report)
    {
        var html = new HtmlReport("Contamination report") { Subtitle = $"Training records sharing a {report.Options.NGram}-word n-gram with a benchmark item." };
        html.AddMeta("n-gram", report.Options.NGram).AddMeta("overlap n-gram", report.Options.OverlapNGram);
        var table = new Table("benchmark", "items", "found in training", "found share", "dirty", "partial", "clean");
        foreach (var b in report.Benchmarks)
            table.AddRow(b.Benchmark, b.Items, b.ItemsFound, NumberFormat.Percent(b.FoundFraction), b.Dirty, b.Partial, b.Clean);
        html.AddSection("Per benchmark")
            .AddKeyValues(("training records", report.TrainingRecords), ("contaminated training records", report.ContaminatedRecords))
            .AddTable(table)
            .AddChart(new BarChart("Share of benchmark items found in training data",
                report.Benchmarks.Select(b => new KeyValuePair<string, double>(b.Benchmark, b.FoundFraction))));
        foreach (var b in report.Benchmarks.Where(b => b.ItemsFound > 0))
        {
            var items = new Table("item", "words", "token overlap", "category", "training matches", "training ids (first)");
            foreach (var item in b.Details.Where(i => i.Found).OrderByDescending(i => i.TokenOverlap).ThenBy(i => i.ItemId, StringComparer.Ordinal).Take(TopItems))
                items.AddRow(item.ItemId, item.Words, Math.Round(item.TokenOverlap, 3), item.Category.ToString().ToLowerInvariant(), item.TrainingMatches,
                    string.Join(", ", item.TrainingIds.Take(5)));
            html.AddSection($"{b.Benchmark}: most covered items").AddTable(items);
        }
        return html;
    }
}
