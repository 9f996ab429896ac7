using Assay.Core.Reports;

namespace Assay.Curation.Pipeline;

/// <summary>
/// <c>report.html</c> of a run: the funnel of records through the steps (kept, removed by reason),
/// a table of counts, each sampled signal before and after filtering on the same bins, and a few
/// removed examples per reason.
/// </summary>
public static class PipelineReport
{
    public const string FileName = "report.html";
    private const int Bins = 40;

    public static HtmlReport Build(PipelineRun run, PipelineStats stats)
    {
        var report = new HtmlReport($"Curation report: {Path.GetFileName(run.Config.SourceFile)}")
        {
            Subtitle = "What each step kept and removed, and what the signals looked like before and after.",
        };
        report.AddMeta("command", run.LineageCommand).AddMeta("config", stats.ConfigHash).AddMeta("output", run.Layout.Folder)
            .AddMeta("tasks", stats.Tasks).AddMeta("work items", stats.WorkItems);

        var funnel = new Funnel("Records through the pipeline", stats.Input);
        foreach (var s in stats.Steps) funnel.Add(s.Step, s.Kept, s.Removed);
        var table = new Table("step", "in", "kept", "removed", "changed records", "changed chars", "seconds");
        foreach (var s in stats.Steps)
            table.AddRow(s.Step, s.In, s.Kept, s.RemovedTotal, s.ChangedRecords, s.ChangedChars, Math.Round(s.Seconds, 2));
        report.AddSection("Summary")
            .AddKeyValues(("records in", stats.Input), ("kept", stats.Kept), ("removed", stats.Removed),
                ("quarantined lines", stats.Quarantined), ("kept bytes", stats.KeptBytes),
                ("kept share", NumberFormat.Percent(stats.Input == 0 ? 0 : (double)stats.Kept / stats.Input)))
            .AddChart(funnel)
            .AddTable(table);

        if (stats.Mix is { } mix)
        {
            var t = new Table("source", "available tokens", "target share", "rate", "written tokens", "achieved share", "capped");
            foreach (var s in mix.Sources)
                t.AddRow(s.Source, s.Tokens, NumberFormat.Percent(s.TargetShare), s.Rate, s.OutTokens, NumberFormat.Percent(s.AchievedShare), s.Capped ? "yes" : "");
            report.AddSection("Mix")
                .AddKeyValues(("target tokens", mix.TargetTokens), ("written tokens", mix.OutTokens), ("written records", mix.OutRecords), ("folder", mix.Output))
                .AddTable(t)
                .AddChart(BarChart.FromCounts("Written tokens per source", mix.Sources.Select(s => new KeyValuePair<string, long>(s.Source, s.OutTokens))));
        }

        if (stats.Barriers is { Count: > 0 } barriers)
        {
            var section = report.AddSection("Barrier steps");
            section.AddParagraph("Global steps (dedup) run over all records of their stage; clusters.jsonl lists every member of a duplicate cluster.");
            var t = new Table("step", "decisions", "duplicate clusters", "details");
            foreach (var b in barriers)
                t.AddRow(b.Step, b.Decisions, b.ClusterSizes.Values.Sum(), string.Join(", ", b.Details.Select(kv => $"{kv.Key}={kv.Value:G6}")));
            section.AddTable(t);
            foreach (var b in barriers.Where(b => b.ClusterSizes.Count > 0))
                section.AddChart(BarChart.FromCounts($"{b.Step}: duplicate clusters by size", b.ClusterSizes.Select(kv => new KeyValuePair<string, long>(kv.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), kv.Value))));
        }

        if (stats.Signals.Count > 0)
        {
            var section = report.AddSection("Signals before and after filtering");
            section.AddParagraph("Sampled records are chosen by a hash of their id: about 4,000 a run, spread over the whole input, the same records for any number of tasks or workers. 'Before' counts every sampled record that carried the signal; 'after' only the sampled records kept.");
            foreach (var (name, signal) in stats.Signals)
            {
                var sample = signal.Sample;
                if (sample is null || sample.All.Count == 0) continue;
                double min = sample.All.Min(), max = sample.All.Max();
                if (!(max > min)) max = min + 1; // one value: still one visible bin
                section.AddChart(new Histogram($"{name}: before ({sample.All.Count:N0} sampled)", HistogramData.FromValues(sample.All, min, max, Bins)) { XLabel = name });
                section.AddChart(new Histogram($"{name}: after ({sample.Kept.Count:N0} sampled)", HistogramData.FromValues(sample.Kept, min, max, Bins)) { XLabel = name });
            }
        }

        if (stats.Examples.Count > 0)
        {
            var section = report.AddSection("Removed examples");
            foreach (var step in stats.Steps)
                foreach (var (reason, count) in step.Removed)
                {
                    var examples = stats.Examples.Where(e => e.Step == step.Step && e.Reason == reason)
                        .Select(e => new ReportExample(e.Id, e.Text)).ToList();
                    if (examples.Count > 0) section.AddExamples($"{step.Step}: {reason}", examples, total: count);
                }
        }
        return report;
    }
}
