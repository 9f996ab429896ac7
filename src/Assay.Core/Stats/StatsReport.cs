using Assay.Core.Reports;

namespace Assay.Core.Stats;

/// <summary>Writes stats.json and report.html for `assay stats`.</summary>
public static class StatsReport
{
    public static (string Json, string Html) Write(DatasetStatsResult s, string outDir, string command)
    {
        Directory.CreateDirectory(outDir);
        var json = Path.Combine(outDir, "stats.json");
        var html = Path.Combine(outDir, "report.html");
        StatsJson.Write(json, s);
        var report = new HtmlReport($"Dataset statistics: {s.Dataset}")
            .AddMeta("command", command)
            .AddMeta("shards", s.Shards);
        var overview = report.AddSection("Overview");
        overview.AddKeyValues(
            ("records", NumberFormat.Count(s.Records)),
            ("words", NumberFormat.Count(s.Words)),
            ("characters", NumberFormat.Count(s.Chars)),
            ("UTF-8 bytes", NumberFormat.Count(s.Utf8Bytes)),
            ("empty texts", NumberFormat.Count(s.EmptyTexts)),
            ("quarantined lines", NumberFormat.Count(s.Quarantined)),
            ("words per record (mean / p50 / p99)", $"{s.WordsPerRecord.Mean:F1} / {s.WordsPerRecord.P50} / {s.WordsPerRecord.P99}"));
        foreach (var w in s.ManifestChecks) overview.AddWarning(w);

        var lengths = report.AddSection("Lengths");
        var (ce, cc) = s.CharBins.Bins();
        lengths.AddChart(new Histogram("Characters per record", HistogramData.FromCounts(ce, cc)) { XLabel = "characters (log-spaced bins)", YLabel = "records" });
        var (we, wc) = s.WordBins.Bins();
        lengths.AddChart(new Histogram("Words per record", HistogramData.FromCounts(we, wc)) { XLabel = "words (log-spaced bins)", YLabel = "records" });
        lengths.AddChart(BarChart.FromCounts("Word length (characters; 30 = 30 or more)",
            s.WordLength.Select(kv => KeyValuePair.Create(kv.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), kv.Value)), BarSort.None));

        Breakdown(report, "By source", s.BySource);
        Breakdown(report, "By label", s.ByLabel);
        report.Save(html);
        return (json, html);
    }

    private static void Breakdown(HtmlReport report, string title, SortedDictionary<string, DatasetStatsResult.Breakdown> d)
    {
        if (d.Count == 0 || (d.Count == 1 && d.ContainsKey("(none)"))) return;
        var sec = report.AddSection(title);
        var top = d.OrderByDescending(kv => kv.Value.Records).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(40).ToList();
        sec.AddChart(BarChart.FromCounts($"Records {title.ToLowerInvariant()}" + (d.Count > 40 ? $" (top 40 of {d.Count})" : ""),
            top.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.Records))));
        var table = new Table("name", "records", "words", "characters", "words/record");
        foreach (var (k, v) in top) table.AddRow(k, NumberFormat.Count(v.Records), NumberFormat.Count(v.Words), NumberFormat.Count(v.Chars), (v.Words / (double)Math.Max(1, v.Records)).ToString("F1", System.Globalization.CultureInfo.InvariantCulture));
        sec.AddTable(table);
    }
}
