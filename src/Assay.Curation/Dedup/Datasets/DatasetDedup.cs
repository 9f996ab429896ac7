using System.Text.Json.Nodes;
using Assay.Core.Accounting;
using Assay.Core.Datasets;
using Assay.Core.Progress;
using Assay.Core.Records;

namespace Assay.Curation.Dedup;

/// <summary>
/// Runs one dedup method over a dataset and writes the kept records and the removed records as
/// two datasets. Deciding methods (exact, MinHash, semantic) decide in a first pass and write in a
/// second, checking that ids line up; removed records carry <c>meta.removed_by</c>,
/// <c>meta.reason</c> and <c>meta.duplicate_of</c>. Rewriting methods (lines, paragraphs,
/// substring) rewrite <c>text</c>, count every change in <c>meta.dedup_chars_removed</c>, and
/// remove records left with no text.
/// </summary>
public static class DatasetDedup
{
    public static DatasetDedupResult Run(DatasetInput input, string keptDir, string removedDir, DatasetDedupOptions options,
        Lineage? lineage = null, IProgress<ProgressInfo>? progress = null, CancellationToken ct = default)
    {
        string step = "dedup_" + options.Method.ToString().ToLowerInvariant();
        var counts = new StepCounts(step);
        var details = new Dictionary<string, object>(StringComparer.Ordinal);
        if ((options.IndexDir is not null || options.Against.Count > 0) && options.Method is not (DedupMethod.Exact or DedupMethod.MinHash))
            throw new ArgumentException($"--index and --against work with exact and MinHash dedup, not {options.Method}.");
        var started = System.Diagnostics.Stopwatch.StartNew();
        using (var kept = new DatasetWriter(keptDir))
        using (var removed = new DatasetWriter(removedDir, prefix: "removed"))
        {
            switch (options.Method)
            {
                case DedupMethod.Exact:
                case DedupMethod.MinHash:
                case DedupMethod.Semantic:
                    var decisions = Decide(input, options, details, progress, ct);
                    Timed(details, "write", () => WriteDecisions(input, options, step, decisions, kept, removed, counts, progress, ct));
                    break;
                case DedupMethod.Lines:
                case DedupMethod.Paragraphs:
                    var lines = new LineDeduplicator(new LineDedupOptions
                    {
                        Unit = options.Method == DedupMethod.Lines ? DedupUnit.Line : DedupUnit.Paragraph,
                        MinWords = options.MinWords,
                    });
                    Rewrite(input, options, step, kept, removed, counts, progress, ct, records => records.Select(r =>
                    {
                        var res = lines.Process(new DedupDocument(r.Id, r.Text));
                        return (r, res.Text, res.CharsRemoved, res.UnitsRemoved);
                    }));
                    break;
                case DedupMethod.Substring:
                    Substring(input, options, step, details, kept, removed, counts, progress, ct);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(options), options.Method, "unknown dedup method");
            }
            counts.Seconds = started.Elapsed.TotalSeconds;
            counts.Verify();
            kept.Complete(Name(input, "dedup"), lineage);
            removed.Complete(Name(input, "dedup-removed"), lineage);
        }
        return new DatasetDedupResult(step, counts, details);
    }

    // Two passes: the first writes the texts to the disk-backed deduplicator's corpus file, the
    // second rewrites each record; only offsets and one bit per byte stay in memory between them.
    private static void Substring(DatasetInput input, DatasetDedupOptions options, string step, Dictionary<string, object> details,
        DatasetWriter kept, DatasetWriter removed, StepCounts counts, IProgress<ProgressInfo>? progress, CancellationToken ct)
    {
        using var dedup = new DiskSubstringDeduplicator(options.WorkDir ?? Path.GetTempPath(), options.Substring);
        Timed(details, "corpus", () =>
        {
            foreach (var r in Read(input, options, "substring corpus", progress, ct))
                dedup.Add(r.Text);
        });
        progress?.Report(new ProgressInfo("suffix arrays", 0, null));
        Timed(details, "suffix_arrays", () => dedup.BuildParts(ct));
        Timed(details, "merge", () => dedup.Merge(ct));
        long bytes = 0;
        int n = 0;
        Timed(details, "rewrite", () => Rewrite(input, options, step, kept, removed, counts, progress, ct, records => records.Select(r =>
        {
            if (n >= dedup.Count)
                throw new InvalidDataException($"{input.Spec} has more records than the {dedup.Count} of the first pass; the input changed between passes");
            var res = dedup.Apply(n++, r.Id, r.Text);
            bytes += res.BytesRemoved;
            return (r, res.Text, (long)(r.Text.Length - res.Text.Length), res.SpansRemoved);
        })));
        if (n != dedup.Count)
            throw new InvalidDataException($"{input.Spec} has {n} records but the first pass read {dedup.Count}; the input changed between passes");
        details["bytes_removed"] = bytes;
        details["suffix_array_parts"] = dedup.Parts;
    }

    // Wall and process CPU seconds of one stage into details ("seconds_NAME", "cpu_seconds_NAME"):
    // the machines these run on are often shared, and CPU time is the figure that compares.
    private static T Timed<T>(Dictionary<string, object> details, string stage, Func<T> run)
    {
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = System.Diagnostics.Stopwatch.StartNew();
        T result = run();
        process.Refresh();
        details["seconds_" + stage] = Math.Round(wall.Elapsed.TotalSeconds, 2);
        details["cpu_seconds_" + stage] = Math.Round((process.TotalProcessorTime - cpu).TotalSeconds, 2);
        return result;
    }

    private static void Timed(Dictionary<string, object> details, string stage, Action run) => Timed(details, stage, () =>
    {
        run();
        return 0;
    });

    private static string Name(DatasetInput input, string suffix) =>
        (input.Manifest?.Name ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(input.Folder ?? input.Shards[0]))) + "-" + suffix;

    private static IEnumerable<Record> Read(DatasetInput input, DatasetDedupOptions options, string stage, IProgress<ProgressInfo>? progress, CancellationToken ct)
    {
        var throttled = new ThrottledProgress(progress);
        long n = 0;
        foreach (var r in DatasetReader.Read(input, options.Read))
        {
            ct.ThrowIfCancellationRequested();
            throttled.Report(new ProgressInfo(stage, ++n, input.Manifest?.Records));
            yield return r;
        }
        throttled.Report(new ProgressInfo(stage, n, input.Manifest?.Records), force: true);
    }

    private static double Score(Record r, string key) =>
        r.HasMeta && r.Meta.TryGetPropertyValue(key, out var node) && node is JsonValue v && v.TryGetValue<double>(out double s) ? s : 0;

    private static IReadOnlyList<(string Id, bool Keep, string? DuplicateOf, string Reason)> Decide(
        DatasetInput input, DatasetDedupOptions options, Dictionary<string, object> details, IProgress<ProgressInfo>? progress, CancellationToken ct)
    {
        IEnumerable<DedupDocument> Docs(string stage) =>
            Read(input, options, stage, progress, ct).Select(r => new DedupDocument(r.Id, r.Text, Score(r, options.ScoreKey)));
        switch (options.Method)
        {
            case DedupMethod.Exact:
            {
                var against = options.Against.Count > 0 ? ExactIndex.Load(options.Against) : null;
                var exact = Timed(details, "hash", () => ExactDeduplicator.Run(Docs("hash"), options.Keep, against, options.IndexDir, ct));
                if (against is not null)
                    details["index_entries_against"] = against.Count;
                return exact.Select(d => (d.Id, d.Keep, d.DuplicateOf, "exact_duplicate")).ToList();
            }
            case DedupMethod.MinHash:
            {
                var mh = options.MinHash with { Keep = options.Keep };
                string work = options.WorkDir ?? throw new ArgumentException("MinHash needs a work folder for its stage files.");
                Directory.CreateDirectory(work);
                Timed(details, "signatures", () => MinHashSignatureStage.Run(Docs("signatures"), work, mh, ct));
                long pairs = Timed(details, "buckets", () => MinHashBucketStage.Run(work, mh, ct));
                List<string>? texts = mh.Verify ? Read(input, options, "load for verify", progress, ct).Select(r => r.Text).ToList() : null;
                var stats = Timed(details, "clusters", () => MinHashClusterStage.Run(work, mh, texts is null ? null : i => texts[i], ct));
                var bands = mh.ResolveBands();
                details["bands"] = bands.Bands;
                details["rows"] = bands.Rows;
                details["candidate_pairs"] = pairs;
                details["rejected_pairs"] = stats.RejectedPairs;
                details["duplicate_clusters"] = stats.DuplicateClusters;
                details["work_dir"] = work;
                IReadOnlyList<MinHashDecision> found = Timed(details, "filter", () => MinHashFilterStage.Run(work).ToList());
                if (options.Against.Count > 0)
                {
                    var against = MinHashIndex.Load(options.Against, mh);
                    details["index_entries_against"] = against.Count;
                    found = against.Apply(work, mh, found, ct);
                }
                if (options.IndexDir is not null)
                    details["index_entries"] = MinHashIndex.Write(options.IndexDir, work, mh, found, ct);
                return found.Select(d => (d.Id, d.Keep, d.DuplicateOf, "near_duplicate")).ToList();
            }
            case DedupMethod.Semantic:
            {
                var ids = new List<string>();
                var vectors = new List<float[]>();
                foreach (var r in Read(input, options, "embeddings", progress, ct))
                {
                    ids.Add(r.Id);
                    vectors.Add(r.Features ?? throw new InvalidDataException($"record '{r.Id}' has no features; semantic dedup needs an embedding in 'features'"));
                }
                return SemanticDeduplicator.Run(ids, vectors, options.Semantic, ct).Select(d => (d.Id, d.Keep, d.DuplicateOf, "semantic_duplicate")).ToList();
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Method, "not a deciding method");
        }
    }

    private static void WriteDecisions(DatasetInput input, DatasetDedupOptions options, string step,
        IReadOnlyList<(string Id, bool Keep, string? DuplicateOf, string Reason)> decisions,
        DatasetWriter kept, DatasetWriter removed, StepCounts counts, IProgress<ProgressInfo>? progress, CancellationToken ct)
    {
        int i = 0;
        foreach (var r in Read(input, options, "write", progress, ct))
        {
            if (i >= decisions.Count || decisions[i].Id != r.Id)
                throw new InvalidDataException($"record {i} of {input.Spec} is '{r.Id}' but the dedup decisions list '{(i < decisions.Count ? decisions[i].Id : "(none)")}'; the input changed between passes");
            var d = decisions[i++];
            if (d.Keep)
            {
                counts.CountKept();
                kept.Write(r);
                continue;
            }
            RemovedRecords.Mark(r, step, d.Reason);
            r.Meta["duplicate_of"] = d.DuplicateOf;
            counts.CountRemoved(d.Reason);
            removed.Write(r);
        }
        if (i != decisions.Count)
            throw new InvalidDataException($"{input.Spec} has {i} records but the dedup decisions cover {decisions.Count}; the input changed between passes");
    }

    private static void Rewrite(DatasetInput input, DatasetDedupOptions options, string step, DatasetWriter kept, DatasetWriter removed,
        StepCounts counts, IProgress<ProgressInfo>? progress, CancellationToken ct,
        Func<IEnumerable<Record>, IEnumerable<(Record Record, string Text, long CharsRemoved, int Units)>> rewrite)
    {
        foreach (var (r, text, chars, units) in rewrite(Read(input, options, step, progress, ct)))
        {
            if (chars > 0)
            {
                counts.CountChanged(chars);
                r.Text = text;
                r.Meta["dedup_chars_removed"] = chars;
                r.Meta["dedup_spans_removed"] = units;
            }
            if (string.IsNullOrWhiteSpace(r.Text) && chars > 0)
            {
                RemovedRecords.Mark(r, step, "empty_after_dedup");
                counts.CountRemoved("empty_after_dedup");
                removed.Write(r);
            }
            else
            {
                counts.CountKept();
                kept.Write(r);
            }
        }
    }
}
