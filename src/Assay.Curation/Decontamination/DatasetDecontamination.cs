using System.Text.Json.Nodes;
using Assay.Core.Accounting;
using Assay.Core.Datasets;
using Assay.Core.Progress;
using Assay.Core.Records;

namespace Assay.Curation.Decontamination;

/// <summary>
/// Checks a training dataset against benchmark datasets. A benchmark record is one item: its
/// text, followed by <c>meta.answer</c> when present (question + answer items). Optionally writes
/// the training records that match no item (<paramref name="cleanDir"/>) and the ones that do
/// (<paramref name="removedDir"/>, with <c>meta.contaminates</c> listing "benchmark/item").
/// </summary>
public static class DatasetDecontamination
{
    /// <summary>A benchmark's items: <c>text</c>, or question (<c>text</c>) + <c>meta.answer</c>.</summary>
    public static IReadOnlyList<BenchmarkItem> LoadItems(DatasetInput benchmark, ReadOptions? read = null) =>
        DatasetReader.Read(benchmark, read ?? ReadOptions.Default)
            .Select(r => r.GetMetaString("answer") is { } answer ? BenchmarkItem.FromQuestionAnswer(r.Id, r.Text, answer) : new BenchmarkItem(r.Id, r.Text))
            .ToList();

    public static ContaminationReport Run(DatasetInput training, IReadOnlyDictionary<string, DatasetInput> benchmarks, DecontaminationOptions options,
        string? cleanDir = null, string? removedDir = null, ReadOptions? read = null, Lineage? lineage = null,
        IProgress<ProgressInfo>? progress = null, CancellationToken ct = default)
    {
        read ??= ReadOptions.Default;
        var items = new Dictionary<string, IReadOnlyList<BenchmarkItem>>(StringComparer.Ordinal);
        foreach (var (name, input) in benchmarks)
        {
            items[name] = LoadItems(input, read);
        }
        var decon = new Decontaminator(items, options);
        using var clean = cleanDir is null ? null : new DatasetWriter(cleanDir);
        using var dirty = removedDir is null ? null : new DatasetWriter(removedDir, prefix: "removed");
        var throttled = new ThrottledProgress(progress);
        long n = 0, contaminated = 0;
        foreach (var r in DatasetReader.Read(training, read))
        {
            ct.ThrowIfCancellationRequested();
            var match = decon.Scan(r.Id, r.Text);
            if (match is null)
            {
                clean?.Write(r);
            }
            else
            {
                contaminated++;
                if (dirty is not null)
                {
                    RemovedRecords.Mark(r, "decontaminate", "benchmark_ngram_overlap");
                    r.Meta["contaminates"] = new JsonArray(match.Items.Select(x => (JsonNode)JsonValue.Create(x)).ToArray());
                    dirty.Write(r);
                }
            }
            throttled.Report(new ProgressInfo("scan", ++n, training.Manifest?.Records));
        }
        throttled.Report(new ProgressInfo("scan", n, training.Manifest?.Records), force: true);
        string baseName = training.Manifest?.Name ?? "training";
        clean?.Complete(baseName + "-decontaminated", lineage);
        dirty?.Complete(baseName + "-contaminated", lineage);
        return new ContaminationReport(n, contaminated, options, decon.Results());
    }
}
