using Assay.Curation.Dedup;
using Assay.Curation.Pipeline.Barriers;
using Assay.Curation.Steps;

namespace Assay.Curation.Filters.Dedup;

/// <summary>
/// Exact dedup as a barrier: map task i hashes its records' normalized text (the 128-bit key of
/// <see cref="ExactDeduplicator"/>) into <c>exact-TTTTT.bin</c>; the reduce groups all keys and
/// keeps one record per key by the keep rule. Memory of the reduce: key, id, length and score per record.
/// </summary>
[StepName(Name, typeof(DedupExactOptions), Description = "Exact dedup of normalized text across the whole stage (barrier): keeps one record per cluster by keep rule")]
public sealed class DedupExactStep(DedupExactOptions options) : BarrierStep
{
    public const string Name = "dedup_exact_v1";
    private const string Magic = "ASYEXACT";
    private const int Version = 1;

    public override bool Maps => true;

    private static string Part(BarrierContext context, int task) => Path.Combine(context.WorkDir, $"exact-{task:D5}.bin");

    public override long Map(BarrierContext context, int task, CancellationToken ct)
    {
        var words = new NormalizedWords();
        long n = 0;
        using var w = new StageFileWriter(Part(context, task), Magic, Version);
        foreach (var r in context.Input.Read(task))
        {
            if ((++n & 1023) == 0) ct.ThrowIfCancellationRequested();
            var doc = DedupRecords.Document(r, options.ScoreKey);
            words.Load(doc.Text);
            var (k1, k2) = ExactDeduplicator.Key(words.Bytes);
            w.WriteString(doc.Id);
            w.WriteUInt64(k1);
            w.WriteUInt64(k2);
            w.WriteInt64(doc.Text.Length);
            w.WriteDouble(doc.Score);
        }
        w.Complete();
        return n;
    }

    /// <summary>Hashing runs near reading speed (~200 MB/s assumed); the reduce holds ~100 bytes per record (key, id, length, score, dictionary slot).</summary>
    public override BarrierCost Estimate(long records, long bytes) =>
        new(bytes / 200e6, records * 0.3e-6, records * 100, records * 56, "map: hash per task; reduce: group keys");

    public override BarrierResult Reduce(BarrierContext context, BarrierDecisionWriter decisions, CancellationToken ct)
    {
        var keys = new List<(ulong, ulong)>();
        var ids = new List<string>();
        var lengths = new List<long>();
        var scores = new List<double>();
        for (int t = 0; t < context.Input.Tasks; t++)
        {
            ct.ThrowIfCancellationRequested();
            using var r = new StageFileReader(Part(context, t), Magic, Version);
            while (!r.AtEnd)
            {
                ids.Add(r.ReadString());
                keys.Add((r.ReadUInt64(), r.ReadUInt64()));
                lengths.Add(r.ReadInt64());
                scores.Add(r.ReadDouble());
            }
            r.VerifyEnd();
        }
        var decided = ExactDeduplicator.Decide(keys, new DocTable([.. ids], [.. lengths], [.. scores]), options.Keep);
        decisions.WriteDuplicates(decided, context.MappedRecords, "exact_duplicate");
        return new BarrierResult { Details = { ["records"] = ids.Count, ["distinct_keys"] = keys.Distinct().Count() } };
    }
}
