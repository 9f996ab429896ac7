using Assay.Core.Reports;

namespace Assay.Core.Tests.Reports;

/// <summary>A made-up curation run, deterministic (fixed seed), exercising every chart and block.</summary>
internal static class SampleReport
{
    private static KeyValuePair<string, long> R(string reason, long n) => new(reason, n);

    public static object Stats() => new
    {
        Command = "assay curate",
        RecordsIn = 1_000_000L,
        RecordsOut = 612_345L,
        RemovedBy = new SortedDictionary<string, long> { ["too_short"] = 120_000, ["lang_not_en"] = 180_000, ["duplicate"] = 87_655 },
    };

    public static HtmlReport Build()
    {
        var rng = new Random(1234);
        var report = new HtmlReport("Curation report: web-sample-v1")
        {
            Subtitle = "Length, language and near-duplicate filtering of a 1M-document web crawl sample.",
        };
        report.AddMeta("command", "assay curate --config curate.yaml data/web-sample")
            .AddMeta("time", new DateTimeOffset(2026, 11, 22, 13, 30, 0, TimeSpan.Zero))
            .AddMeta("input", "data/web-sample (64 shards)")
            .AddMeta("output", "out/web-sample-curated")
            .AddMeta("duration", TimeSpan.FromSeconds(754));

        var funnel = new Funnel("Records through the pipeline", 1_000_000)
            .Add("length filter", 880_000, [R("too_short", 120_000)])
            .Add("language id", 700_000, [R("lang_not_en", 160_000), R("lang_low_confidence", 20_000)])
            .Add("quality (gopher_v1)", 650_000, [R("gopher_symbol_ratio", 30_000), R("gopher_repetition", 15_000), R("gopher_stop_words", 5_000)])
            .Add("minhash dedup", 612_345, [R("duplicate", 37_655)]);
        report.AddSection("Summary")
            .AddParagraph("Of 1,000,000 input records 612,345 were kept (61.2%). Removed records are written to out/removed with their reason in meta.removed_by.")
            .AddKeyValues(("records in", 1_000_000L), ("records kept", 612_345L), ("kept", "61.2%"), ("tokens kept", "1.43B"), ("shards", 64), ("mean length", 2345.678))
            .AddChart(funnel);

        var reasons = new Dictionary<string, long>
        {
            ["lang_not_en"] = 160_000, ["too_short"] = 120_000, ["duplicate"] = 37_655, ["gopher_symbol_ratio"] = 30_000,
            ["lang_low_confidence"] = 20_000, ["gopher_repetition"] = 15_000, ["gopher_stop_words"] = 5_000,
        };
        var table = new Table("reason", "step", "removed", "share of input");
        foreach (var (reason, n) in reasons.OrderByDescending(kv => kv.Value))
            table.AddRow(reason, reason.StartsWith("gopher", StringComparison.Ordinal) ? "quality" : reason.StartsWith("lang", StringComparison.Ordinal) ? "language id" : reason == "duplicate" ? "dedup" : "length", n, NumberFormat.Percent(n / 1e6));
        report.AddSection("Removals by reason")
            .AddChart(BarChart.FromCounts("Removed records by reason", reasons))
            .AddChart(new BarChart("Kept share by source", [new("cc-2024-10", 0.58), new("wiki", 0.97), new("forums", 0.41), new("news", 0.83)])
            {
                Sort = BarSort.Label,
                ValueLabel = "fraction kept",
                Width = 420,
            })
            .AddTable(table);

        var lengths = Enumerable.Range(0, 20_000).Select(_ => Math.Exp(7 + 1.1 * Gaussian(rng))).ToList();
        report.AddSection("Document lengths")
            .AddParagraph("Length in characters of kept documents; the dashed line is the minimum-length threshold.")
            .AddChart(new Histogram("Characters per document", HistogramData.FromValues(lengths.Where(l => l < 20_000)))
            {
                XLabel = "characters",
                Markers = [new ChartMarker(200, "min_chars = 200")],
            })
            .AddChart(new Histogram("Log10 characters per document (log count)", HistogramData.FromValues(lengths.Select(Math.Log10), BinRule.Sturges))
            {
                XLabel = "log10(characters)",
                LogY = true,
            });

        var train = new List<(double, double)>();
        var valid = new List<(double, double)>();
        for (int step = 0; step <= 2000; step += 10)
        {
            double baseLoss = 2.2 + 8.5 * Math.Exp(-step / 300.0);
            train.Add((step, baseLoss + 0.08 * Gaussian(rng)));
            if (step % 100 == 0)
                valid.Add((step, baseLoss + 0.12));
        }
        var recall = new LineChart("Duplicate recall and precision vs. Jaccard threshold")
        {
            XLabel = "threshold",
            YLabel = "rate",
            Markers = [new ChartMarker(0.8, "chosen 0.8")],
            Width = 520,
        }
            .Add("recall", Enumerable.Range(0, 11).Select(i => (i / 10.0, 1 - Math.Pow(i / 10.0, 4))))
            .Add("precision", Enumerable.Range(0, 11).Select(i => (i / 10.0, 0.5 + 0.5 * Math.Sqrt(i / 10.0))));
        report.AddSection("Proxy model")
            .AddChart(new LineChart("Proxy LM loss") { XLabel = "step", YLabel = "loss", LogY = true }.Add("train", train).Add("valid", valid))
            .AddChart(recall);

        var section = report.AddSection("Examples of removed records");
        section.AddExamples("too_short", [new ReportExample("id web-000123 · 41 chars", "Click here <b>now</b> & win \"prizes\"!!!"), new ReportExample("id web-004410 · 3 chars", "ok.")], total: 120_000, open: true);
        section.AddExamples("lang_not_en", [new ReportExample("id web-771 · lang=de (0.98)", "Dies ist ein deutscher Text über Datenkuratierung, der aus dem englischen Korpus entfernt wurde.")], total: 160_000);
        section.AddExamples("duplicate", Enumerable.Range(0, 3).Select(i => new ReportExample($"id web-9{i} · duplicate_of web-12", string.Concat(Enumerable.Repeat("The quick brown fox jumps over the lazy dog. ", 40)))), total: 37_655, maxChars: 300);
        return report;
    }

    /// <summary>Degenerate and hostile inputs side by side, to eyeball that nothing breaks the layout.</summary>
    public static HtmlReport EdgeCases()
    {
        const string Evil = "<b>bold?</b> & \"quotes\"";
        var report = new HtmlReport("Edge cases " + Evil);
        report.AddSection("Empty and single values")
            .AddChart(Histogram.Of("Empty histogram", []))
            .AddChart(new Histogram("One distinct value (42)", HistogramData.FromValues([42, 42, 42])) { Width = 360 })
            .AddChart(new BarChart("No bars", []) { Width = 360 })
            .AddChart(new LineChart("No points").Add("nan", [double.NaN]));
        report.AddSection("Awkward data")
            .AddChart(new BarChart("Negative and positive " + Evil, [new("gain", 0.35), new("loss " + Evil, -0.2), new("flat", 0)]) { Width = 420, ValueLabel = "Δ accuracy" })
            .AddChart(new BarChart("Thirty long labels", Enumerable.Range(0, 30).Select(i => new KeyValuePair<string, double>(
                "a rather long category label number " + i + " that must be shortened", Math.Pow(1.3, i))))
            {
                Sort = BarSort.Descending,
                Limit = 25,
            })
            .AddChart(new LineChart("Gaps and log x") { LogX = true, XLabel = "examples", YLabel = "accuracy" }
                .Add("model A", [(10, 0.2), (100, 0.5), (1000, double.NaN), (10_000, 0.8), (100_000, 0.86)])
                .Add("model B " + Evil, [(0, 0.1), (30, 0.3), (3000, 0.6), (300_000, 0.9)]))
            .AddChart(new Funnel("Counts that do not add up", 1000)
                .Add("step grows", 1100)
                .Add("reasons over-attributed", 900, [new("a", 150), new("b " + Evil, 100)]))
            .AddChart(Histogram.Of("Tiny spread around 1e9", Enumerable.Range(0, 100).Select(i => 1e9 + i * 1e-3)));
        return report;
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
