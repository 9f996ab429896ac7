using Assay.Curation.Dedup;
using Assay.Curation.Pipeline.Barriers;
using Assay.Curation.Steps;

namespace Assay.Curation.Filters.Dedup;

/// <summary>
/// MinHash-LSH dedup as a barrier, datatrove's four stages: map task i writes signatures of its
/// records (<see cref="MinHashSignatureStage"/>, <c>signatures-i-of-N.bin</c>); the reduce runs
/// buckets (external sort, spills to disk) and union-find clusters over all parts, and turns the
/// keep decisions into per-task decisions that the next stage applies in parallel (the filter stage).
/// </summary>
[StepName(Name, typeof(DedupMinHashOptions), Description = "MinHash-LSH near-duplicate dedup across the whole stage (barrier): signatures per task, then buckets and clusters")]
public sealed class DedupMinHashStep(DedupMinHashOptions options) : BarrierStep
{
    public const string Name = "dedup_minhash_v1";

    public override bool Maps => true;

    public override void Initialize(StepContext context) => options.Engine();

    public override long Map(BarrierContext context, int task, CancellationToken ct) =>
        MinHashSignatureStage.Run(context.Input.Read(task).Select(r => DedupRecords.Document(r, options.ScoreKey)),
            context.WorkDir, options.Engine(), task, context.Input.Tasks, ct);

    /// <summary>
    /// Signatures at ~50 MB/s per core (issue #6's target at 128 permutations); signature files take
    /// 8 bytes × num_perm per record, bucket entries 16 bytes per band per record, sorted in runs of
    /// max_entries_in_memory; union-find holds ~60 bytes per record.
    /// </summary>
    public override BarrierCost Estimate(long records, long bytes)
    {
        var bands = options.Engine().ResolveBands().Bands;
        long entries = records * bands;
        return new(bytes / 50e6, entries * 0.1e-6 + records * 0.5e-6, Math.Min(entries, options.MaxEntriesInMemory) * 16L + records * 60,
            records * (8L * options.NumPerm + 16L * bands), $"map: signatures per task; reduce: buckets ({bands} bands, external sort) and clusters");
    }

    public override BarrierResult Reduce(BarrierContext context, BarrierDecisionWriter decisions, CancellationToken ct)
    {
        var mh = options.Engine();
        long pairs = MinHashBucketStage.Run(context.WorkDir, mh, ct);
        List<string>? texts = mh.Verify ? context.Input.ReadAll().Select(x => x.Record.Text).ToList() : null;
        var stats = MinHashClusterStage.Run(context.WorkDir, mh, texts is null ? null : i => texts[i], ct);
        decisions.WriteDuplicates(MinHashFilterStage.Run(context.WorkDir), context.MappedRecords, "near_duplicate");
        var bands = mh.ResolveBands();
        return new BarrierResult
        {
            Details =
            {
                ["bands"] = bands.Bands, ["rows"] = bands.Rows, ["candidate_pairs"] = pairs,
                ["rejected_pairs"] = stats.RejectedPairs, ["duplicate_clusters"] = stats.DuplicateClusters,
            },
        };
    }
}
