using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assay.Curation.Dedup;
using Assay.Curation.Pipeline.Barriers;
using Assay.Curation.Steps;

namespace Assay.Curation.Filters.Dedup;

/// <summary>
/// Exact-substring dedup (Lee et al. 2022) across the whole stage, with the suffix-array build as
/// executor tasks. <b>Map</b> (task i of N: a thread locally, an array element on Slurm): the task's
/// records go to its own corpus file (<see cref="SubstringCorpusWriter"/>) and its suffix-array parts
/// are built and spilled beside it. <b>Reduce</b> (one job): the task corpora are joined in task order
/// — the order <see cref="BarrierInput.ReadAll"/> and <c>assay dedup</c> read — the parts are merged
/// against the joined text (<see cref="SuffixArrayMerge"/>), and each record that loses spans gets a
/// decision with its new text. A repeated span is kept in its first occurrence by record id
/// (<see cref="StageOrder"/>), so the result is the same for any task count; part boundaries never change
/// it either. On input already in id order this equals <c>assay dedup --method substring</c>.
/// </summary>
[StepName(Name, typeof(DedupSubstringOptions), Description = "Exact-substring dedup (suffix array) across the whole stage (barrier: parts built as tasks, merged in one job); removes repeated spans")]
public sealed class DedupSubstringStep(DedupSubstringOptions options) : BarrierStep
{
    public const string Name = "dedup_substring_v1";
    private const string EmptyReason = "empty_after_dedup";

    // One part build per task: the executor's workers are the parallelism.
    private ExactSubstringOptions Engine => new() { MinLength = options.MinLength, MemoryBytes = options.MemoryBytes, Workers = 1 };

    public override void Initialize(StepContext context) => Engine.Validate();

    public override bool Maps => true;

    /// <summary>Part builds hold ~24 bytes per part byte (<see cref="ExactSubstringOptions"/>); the merge one bit per byte plus the mapped text. Disk: the corpus twice (task files, joined), 4 bytes of suffix array and 1 of LCP per byte.</summary>
    public override BarrierCost Estimate(long records, long bytes) =>
        new(bytes / 20e6, bytes / 30e6, Math.Min(bytes * 24, options.MemoryBytes) + bytes / 8, bytes * 7,
            "map: suffix-array parts per task; reduce: merge against the mapped text");

    private static string TaskDir(BarrierContext context, int task) => Path.Combine(context.WorkDir, $"sa-task-{task:D5}");

    public override long Map(BarrierContext context, int task, CancellationToken ct)
    {
        string dir = TaskDir(context, task);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); // left by a killed map
        Directory.CreateDirectory(dir);
        long records = 0;
        var writer = new SubstringCorpusWriter(Path.Combine(dir, "corpus.bin"));
        try
        {
            // The ids (a JSON string a line) spare the reduce a full read of the stage to rank the records (StageOrder).
            using (var ids = new StreamWriter(Path.Combine(dir, "ids.jsonl"), false, new UTF8Encoding(false)) { NewLine = "\n" })
                foreach (var r in context.Input.Read(task))
                {
                    if ((++records & 1023) == 0) ct.ThrowIfCancellationRequested();
                    ids.WriteLine(JsonSerializer.Serialize(r.Id));
                    writer.Add(r.Text);
                }
            using var corpus = writer.Complete();
            File.WriteAllBytes(Path.Combine(dir, "starts.bin"), MemoryMarshal.AsBytes(corpus.Starts.AsSpan()).ToArray());
            var parts = SuffixArrayParts.Plan(corpus.Starts, Engine.ResolvePartBytes());
            SuffixArrayParts.Build(corpus, parts, dir, Engine.MinLength, 1, ct);
            File.WriteAllLines(Path.Combine(dir, "parts.txt"), parts.Select(p => $"{p.Start} {p.Length}"));
        }
        finally { writer.Dispose(); }
        return records;
    }

    public override BarrierResult Reduce(BarrierContext context, BarrierDecisionWriter decisions, CancellationToken ct)
    {
        string mergeDir = Path.Combine(context.WorkDir, "sa-merge");
        if (Directory.Exists(mergeDir)) Directory.Delete(mergeDir, recursive: true); // left by a killed reduce
        Directory.CreateDirectory(mergeDir);
        string corpusPath = Path.Combine(mergeDir, "corpus.bin");
        var starts = new List<long> { 0 };
        var ids = new List<string>();
        var parts = new List<(long Start, int Length)>();
        using (var joined = new FileStream(corpusPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            for (int t = 0; t < context.Input.Tasks; t++)
            {
                string dir = TaskDir(context, t);
                long baseOffset = joined.Position;
                using (var part = File.OpenRead(Path.Combine(dir, "corpus.bin"))) part.CopyTo(joined, 1 << 20);
                var local = MemoryMarshal.Cast<byte, long>(File.ReadAllBytes(Path.Combine(dir, "starts.bin")));
                for (int d = 1; d < local.Length; d++) starts.Add(baseOffset + local[d]);
                ids.AddRange(File.ReadLines(Path.Combine(dir, "ids.jsonl")).Select(l => JsonSerializer.Deserialize<string>(l)!));
                int p = 0;
                foreach (var line in File.ReadLines(Path.Combine(dir, "parts.txt")))
                {
                    var f = line.Split(' ');
                    // Part files hold offsets within their part, so shifting the part's start is all the join needs.
                    SuffixArrayParts.Link(dir, p++, mergeDir, parts.Count);
                    parts.Add((baseOffset + long.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture)));
                }
            }
        }
        var engine = Engine;
        using var corpus = new SubstringCorpus(corpusPath, [.. starts]);
        // "First occurrence" by record id (StageOrder), not by where the split put a record, so any task count agrees.
        if (ids.Count != corpus.Count)
            throw new InvalidDataException($"{Name}: the map tasks wrote {ids.Count} ids for {corpus.Count} documents");
        var (marks, longer) = SuffixArrayMerge.MarkRepeats(corpus, parts, mergeDir, engine.MinLength, ct, StageOrder.IdRanks(ids));

        long changedRecords = 0, changedChars = 0, bytesRemoved = 0;
        int doc = 0;
        foreach (var (task, r) in context.Input.ReadAll())
        {
            if ((doc & 1023) == 0) ct.ThrowIfCancellationRequested();
            var spans = SuffixArrayMerge.Ranges(marks, longer, corpus, doc++, engine.MinLength);
            if (spans.Count == 0) continue;
            var res = ExactSubstringDeduplicator.Apply(r.Id, r.Text, Encoding.UTF8.GetBytes(r.Text), spans);
            long chars = r.Text.Length - res.Text.Length;
            if (chars <= 0) continue;
            changedRecords++;
            changedChars += chars;
            bytesRemoved += res.BytesRemoved;
            decisions.Write(task, new BarrierDecision(r.Id)
            {
                Text = res.Text,
                Meta = new JsonObject { ["dedup_chars_removed"] = chars, ["dedup_spans_removed"] = res.SpansRemoved },
                Remove = string.IsNullOrWhiteSpace(res.Text) ? EmptyReason : null,
            });
        }
        if (doc != corpus.Count)
            throw new InvalidDataException($"{Name}: the stage has {doc} records but its map tasks wrote {corpus.Count}; the input changed between phases");
        return new BarrierResult
        {
            ChangedRecords = changedRecords,
            ChangedChars = changedChars,
            Details = new SortedDictionary<string, double>(StringComparer.Ordinal) { ["bytes_removed"] = bytesRemoved, ["suffix_array_parts"] = parts.Count },
        };
    }
}
