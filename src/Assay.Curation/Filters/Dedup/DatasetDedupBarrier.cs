using System.Text.Json.Nodes;
using Assay.Core.Datasets;
using Assay.Core.Records;
using Assay.Curation.Dedup;
using Assay.Curation.Pipeline.Barriers;
using Assay.Curation.Steps;

namespace Assay.Curation.Filters.Dedup;

/// <summary>
/// A single-job barrier over the dataset-level engine (<see cref="DatasetDedup"/>, what
/// <c>assay dedup</c> runs): the reduce runs it on the stage's records into <c>work/kept</c> and
/// <c>work/removed</c>, then walks input and output side by side (both keep input order) and writes
/// a decision for every record the engine removed or changed (text, new <c>meta</c> fields). Going
/// through the dataset entry keeps the engine's internals free to change. (Lines and substring decide
/// themselves: their "first occurrence" is by record id, see <see cref="StageOrder"/>.)
/// </summary>
public abstract class DatasetDedupBarrier : BarrierStep
{
    private static readonly HashSet<string> SetByPipeline = new(StringComparer.Ordinal) { "removed_by", "reason", "duplicate_of" };

    protected abstract DatasetDedupOptions Engine(BarrierContext context);

    public override BarrierResult Reduce(BarrierContext context, BarrierDecisionWriter decisions, CancellationToken ct)
    {
        string kept = Path.Combine(context.WorkDir, "kept"), removed = Path.Combine(context.WorkDir, "removed");
        foreach (var dir in new[] { kept, removed })
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); // left by a killed reduce
        var result = DatasetDedup.Run(context.Input.AsDataset(context.Step.StepId), kept, removed, Engine(context) with { WorkDir = context.WorkDir }, ct: ct);

        using var keptOut = Output(kept).GetEnumerator();
        using var removedOut = Output(removed).GetEnumerator();
        bool hasKept = keptOut.MoveNext(), hasRemoved = removedOut.MoveNext();
        foreach (var (task, r) in context.Input.ReadAll())
        {
            ct.ThrowIfCancellationRequested();
            Record after;
            bool gone;
            if (hasKept && keptOut.Current.Id == r.Id) { after = keptOut.Current; gone = false; hasKept = keptOut.MoveNext(); }
            else if (hasRemoved && removedOut.Current.Id == r.Id) { after = removedOut.Current; gone = true; hasRemoved = removedOut.MoveNext(); }
            else throw new InvalidDataException($"{context.Step.StepId}: record '{r.Id}' is in neither output of the dedup engine in input order");
            if (Diff(r, after, gone) is { } d) decisions.Write(task, d);
        }
        if (hasKept || hasRemoved) throw new InvalidDataException($"{context.Step.StepId}: the dedup engine wrote records the stage did not read");
        return new BarrierResult
        {
            ChangedRecords = result.Counts.ChangedRecords, ChangedChars = result.Counts.ChangedChars,
            Details = new SortedDictionary<string, double>(result.Details.Where(kv => kv.Value is IConvertible and not string)
                .ToDictionary(kv => kv.Key, kv => Convert.ToDouble(kv.Value, System.Globalization.CultureInfo.InvariantCulture)), StringComparer.Ordinal),
        };
    }

    private static IEnumerable<Record> Output(string dir) =>
        File.Exists(Path.Combine(dir, DatasetManifest.FileName)) && DatasetInput.Resolve(dir) is { Shards.Count: > 0 } input ? DatasetReader.Read(input) : [];

    private static BarrierDecision? Diff(Record before, Record after, bool removed)
    {
        JsonObject? meta = null;
        if (after.HasMeta)
        {
            foreach (var (key, value) in after.Meta)
            {
                if (SetByPipeline.Contains(key)) continue;
                if (before.HasMeta && before.Meta.TryGetPropertyValue(key, out var old) && JsonNode.DeepEquals(old, value)) continue;
                (meta ??= [])[key] = value?.DeepClone();
            }
        }
        string? text = after.Text != before.Text ? after.Text : null;
        if (!removed && text is null && meta is null) return null;
        return new BarrierDecision(before.Id)
        {
            Remove = removed ? after.GetMetaString("reason") ?? "duplicate" : null,
            DuplicateOf = removed ? after.GetMetaString("duplicate_of") : null,
            Text = text,
            Meta = meta,
        };
    }
}
