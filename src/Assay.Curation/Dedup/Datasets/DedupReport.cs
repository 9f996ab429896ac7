using Assay.Core.Datasets;
using Assay.Core.Records;
using Assay.Core.Reports;

namespace Assay.Curation.Dedup;

/// <summary>
/// <c>report.html</c> of <c>assay dedup</c>: counts, removal by reason, the duplicate-cluster size
/// histogram, the largest clusters with their kept and removed texts side by side, and for MinHash
/// the banding's threshold/recall curve P(candidate | Jaccard s) = 1 − (1 − s^r)^b (Leskovec et al.,
/// Mining of Massive Datasets, §3.4).
/// </summary>
public static class DedupReport
{
    public const string FileName = "report.html";
    private const int ClusterExamples = 8;
    private const int ExampleChars = 400;

    public static HtmlReport Build(DatasetDedupResult result, DedupClusters clusters, string keptDir, string removedDir, DatasetDedupOptions options)
    {
        var c = result.Counts;
        var report = new HtmlReport($"Dedup report: {result.Step}") { Subtitle = "What was removed as a duplicate, and why." };
        report.AddMeta("method", options.Method.ToString().ToLowerInvariant()).AddMeta("keep rule", options.Keep).AddMeta("kept", keptDir).AddMeta("removed", removedDir);
        var summary = report.AddSection("Summary").AddKeyValues(("records in", c.In), ("kept", c.Kept), ("removed", c.RemovedTotal),
            ("rewritten records", c.ChangedRecords), ("characters removed by rewriting", c.ChangedChars), ("duplicate clusters", clusters.Members.Count));
        if (c.Removed.Count > 0)
            summary.AddChart(BarChart.FromCounts("Removed records by reason", c.Removed));
        var details = new Table("figure", "value");
        foreach (var (k, v) in result.Details) details.AddRow(k, v);
        summary.AddTable(details);

        if (options.Method == DedupMethod.MinHash && result.Details.TryGetValue("bands", out var b) && result.Details.TryGetValue("rows", out var r))
        {
            int bands = Convert.ToInt32(b, System.Globalization.CultureInfo.InvariantCulture), rows = Convert.ToInt32(r, System.Globalization.CultureInfo.InvariantCulture);
            var curve = new LineChart($"Threshold/recall: chance a pair becomes a candidate ({bands} bands × {rows} rows)")
            {
                XLabel = "true Jaccard similarity of the shingle sets", YLabel = "P(candidate)",
                Markers = [new ChartMarker(options.MinHash.Threshold, $"threshold {options.MinHash.Threshold:G3}")],
            };
            curve.Add("LSH banding", Enumerable.Range(0, 101).Select(i => i / 100.0).Select(s => (s, 1 - Math.Pow(1 - Math.Pow(s, rows), bands))));
            report.AddSection("Threshold and recall").AddParagraph(
                "Pairs to the right of the threshold should be found (recall), pairs to the left should not become candidates (false positives; " +
                (options.MinHash.Verify ? "candidates were verified by exact Jaccard)." : "run with --verify to check candidates by exact Jaccard).")).AddChart(curve);
        }

        if (clusters.Members.Count > 0)
        {
            var section = report.AddSection("Duplicate clusters");
            section.AddChart(BarChart.FromCounts("Clusters by size (kept record included)",
                clusters.Sizes().Select(kv => new KeyValuePair<string, long>(kv.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), kv.Value)), BarSort.None));
            // The largest clusters, ties by kept id; one removed member shown beside its kept record.
            var shown = clusters.Members.OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(ClusterExamples).ToList();
            var texts = TextsOf(keptDir, shown.Select(kv => kv.Key)).Concat(TextsOf(removedDir, shown.Select(kv => kv.Value[0])))
                .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            var table = new Table("cluster size", "kept", "kept text", "removed (first of cluster)", "removed text");
            foreach (var (keeper, removed) in shown)
                table.AddRow(removed.Count + 1, keeper, Cut(texts.GetValueOrDefault(keeper)), removed[0], Cut(texts.GetValueOrDefault(removed[0])));
            section.AddTable(table);
        }
        return report;
    }

    private static string Cut(string? text) => text is null ? "" : text.Length <= ExampleChars ? text : text[..ExampleChars] + "…";

    /// <summary>Streams a dataset once for the texts of a few ids.</summary>
    private static IEnumerable<KeyValuePair<string, string>> TextsOf(string dir, IEnumerable<string> ids)
    {
        var wanted = new HashSet<string>(ids, StringComparer.Ordinal);
        if (wanted.Count == 0 || !File.Exists(Path.Combine(dir, DatasetManifest.FileName))) yield break;
        var input = DatasetInput.Resolve(dir);
        if (input.Shards.Count == 0) yield break;
        foreach (var rec in DatasetReader.Read(input, new ReadOptions { RequireText = false }))
            if (wanted.Remove(rec.Id))
            {
                yield return new(rec.Id, rec.Text);
                if (wanted.Count == 0) yield break;
            }
    }
}
