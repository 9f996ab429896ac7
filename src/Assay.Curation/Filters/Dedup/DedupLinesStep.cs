using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Assay.Curation.Dedup;
using Assay.Curation.Pipeline.Barriers;
using Assay.Curation.Steps;

namespace Assay.Curation.Filters.Dedup;

/// <summary>
/// Removes lines or paragraphs that occur earlier in the stage, "earlier" by (record id, unit index) —
/// <see cref="StageOrder"/> — so the result is the same for any task count; records left with no text are
/// removed. One job, two passes: the first keeps, per distinct unit, the first (id rank, unit) holding it
/// (16-byte key and 8-byte owner per distinct unit); the second removes every other occurrence. On input
/// already in id order this is exactly <c>assay dedup --method lines|paragraphs</c>.
/// </summary>
[StepName(Name, typeof(DedupLinesOptions), Description = "Line or paragraph dedup across the whole stage (barrier, one job; first occurrence by record id); rewrites text, removes emptied records")]
public sealed class DedupLinesStep(DedupLinesOptions options) : BarrierStep
{
    public const string Name = "dedup_lines_v1";

    public override void Initialize(StepContext context)
    {
        if (options.MinWords < 1) throw new ArgumentOutOfRangeException(nameof(options), options.MinWords, $"{Name}: min_words must be at least 1");
    }

    public override BarrierCost Estimate(long records, long bytes) =>
        new(0, bytes / 50e6, bytes / 4, 0, "one job, three reads of the stage: ids, unit owners, rewrite");

    public override BarrierResult Reduce(BarrierContext context, BarrierDecisionWriter decisions, CancellationToken ct)
    {
        var lines = new LineDeduplicator(new LineDedupOptions { Unit = options.Unit, MinWords = options.MinWords });
        var rank = StageOrder.IdRanks(context.Input, ct);
        var owner = new Dictionary<(ulong, ulong), long>();
        int i = 0;
        foreach (var (_, r) in context.Input.ReadAll())
        {
            long record = (long)rank[i++] << 32;
            foreach (var (key, unit) in lines.Keys(r.Text))
            {
                ref long slot = ref CollectionsMarshal.GetValueRefOrAddDefault(owner, key, out bool exists);
                if (!exists || (record | (uint)unit) < slot) slot = record | (uint)unit;
            }
        }
        ct.ThrowIfCancellationRequested();
        long changedRecords = 0, changedChars = 0, units = 0;
        i = 0;
        foreach (var (task, r) in context.Input.ReadAll())
        {
            long record = (long)rank[i++] << 32;
            var res = lines.Rewrite(new DedupDocument(r.Id, r.Text), (key, unit) => owner[key] != (record | (uint)unit));
            if (res.CharsRemoved == 0) continue;
            changedRecords++;
            changedChars += res.CharsRemoved;
            units += res.UnitsRemoved;
            decisions.Write(task, new BarrierDecision(r.Id)
            {
                Text = res.Text,
                Meta = new JsonObject { ["dedup_chars_removed"] = res.CharsRemoved, ["dedup_spans_removed"] = res.UnitsRemoved },
                Remove = string.IsNullOrWhiteSpace(res.Text) ? "empty_after_dedup" : null,
            });
        }
        return new BarrierResult
        {
            ChangedRecords = changedRecords, ChangedChars = changedChars,
            Details = new SortedDictionary<string, double>(StringComparer.Ordinal) { ["distinct_units"] = owner.Count, ["units_removed"] = units },
        };
    }
}
