using System.Text.Json.Serialization;

namespace Assay.Core.Accounting;

/// <summary>
/// One step's summable counts: records in, kept, removed by reason, and (for rewriting steps)
/// records and characters changed. Tasks count separately; <see cref="Merge"/> adds them up.
/// </summary>
public sealed class StepCounts
{
    public StepCounts(string step) => Step = step;

    [JsonPropertyName("step")] public string Step { get; }
    [JsonPropertyName("in")] public long In { get; set; }
    [JsonPropertyName("kept")] public long Kept { get; set; }
    [JsonPropertyName("removed")] public SortedDictionary<string, long> Removed { get; init; } = new(StringComparer.Ordinal);
    [JsonPropertyName("changed_records")] public long ChangedRecords { get; set; }
    [JsonPropertyName("changed_chars")] public long ChangedChars { get; set; }
    [JsonPropertyName("seconds")] public double Seconds { get; set; }

    [JsonIgnore] public long RemovedTotal => Removed.Values.Sum();

    public void CountKept() { In++; Kept++; }

    public void CountRemoved(string reason)
    {
        In++;
        Removed[reason] = Removed.GetValueOrDefault(reason) + 1;
    }

    public void CountChanged(long chars) { ChangedRecords++; ChangedChars += chars; }

    public void Merge(StepCounts other)
    {
        if (other.Step != Step) throw new ArgumentException($"cannot merge counts of '{other.Step}' into '{Step}'");
        In += other.In;
        Kept += other.Kept;
        foreach (var (k, v) in other.Removed) Removed[k] = Removed.GetValueOrDefault(k) + v;
        ChangedRecords += other.ChangedRecords;
        ChangedChars += other.ChangedChars;
        Seconds += other.Seconds;
    }

    /// <summary>The invariant: in = kept + removed. Throws <see cref="AccountingException"/> otherwise.</summary>
    public void Verify()
    {
        if (In != Kept + RemovedTotal)
            throw new AccountingException(
                $"step '{Step}': {In} records in but {Kept} kept + {RemovedTotal} removed = {Kept + RemovedTotal}; a record was lost or duplicated");
    }
}
