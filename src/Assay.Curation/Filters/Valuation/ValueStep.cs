using System.Text.Json.Nodes;
using Assay.Core.Datasets;
using Assay.Core.Records;
using Assay.Curation.Pipeline.Barriers;
using Assay.Curation.Steps;
using Assay.Valuation.Methods;
using Assay.Valuation.Steps;

namespace Assay.Curation.Filters.Valuation;

/// <summary>
/// Data valuation as a pipeline step: a barrier (one job) that values every record of its stage
/// against a validation set with <see cref="DatasetValuation"/> (what <c>assay value --drop-lowest</c>
/// runs), writes <c>meta.value</c> / <c>value_method</c> / <c>value_se</c> on every record and removes
/// the lowest <c>drop_fraction</c> (ties by id) with reason <c>lowest_value</c>.
/// </summary>
[StepName(Name, typeof(ValueOptions), Description = "Values every record against a validation set (KNN-Shapley by default) into meta.value; drops the lowest fraction (barrier, one job)")]
public sealed class ValueStep(ValueOptions options) : BarrierStep
{
    public const string Name = DatasetValuation.StepName;

    private string? _test;
    private string? _embedder;

    public override void Initialize(StepContext context)
    {
        if (string.IsNullOrEmpty(options.Test)) throw new ArgumentException($"{Name}: 'test' is required (a validation DATASET with features or text, and label)");
        if (options.K < 1) throw new ArgumentOutOfRangeException(nameof(options), $"{Name}: k must be at least 1");
        Engine(context.Seed).Validated();
        _test = StepPaths.Resolve(context, options.Test);
        // A model path inside the spec is relative to the pipeline file, like every other path.
        _embedder = options.Embedder switch
        {
            null => null,
            var e when e.StartsWith("tfidf:", StringComparison.Ordinal) => "tfidf:" + StepPaths.Resolve(context, e["tfidf:".Length..]),
            var e when e.Contains(':') => e,
            var e => StepPaths.Resolve(context, e),
        };
    }

    private ValueStepOptions Engine(ulong seed) =>
        new(options.Method, options.DropFraction, new ValuationSettings(K: options.K, Seed: unchecked((int)seed)), _embedder);

    public override BarrierCost Estimate(long records, long bytes) =>
        // Reads the stage once and holds every record with its features (~4 KB a 784-dim record).
        new(0, bytes / 50e6, records * 4096, 0, "one job: all records and their features in memory");

    public override BarrierResult Reduce(BarrierContext context, BarrierDecisionWriter decisions, CancellationToken ct)
    {
        var tasks = new List<int>();
        var train = new List<Record>();
        foreach (var (task, r) in context.Input.ReadAll())
        {
            tasks.Add(task);
            train.Add(r);
        }
        var result = new BarrierResult();
        if (train.Count == 0) return result;
        var read = new ReadOptions { RequireText = false };
        var test = DatasetReader.Read(DatasetInput.Resolve(_test!), read).ToList();

        int i = 0;
        void Decide(Record valued, bool removed)
        {
            var meta = new JsonObject();
            foreach (var key in new[] { "value", "value_method", "value_se" })
                if (valued.Meta.TryGetPropertyValue(key, out var v)) meta[key] = v?.DeepClone();
            decisions.Write(tasks[i++], new BarrierDecision(valued.Id) { Remove = removed ? DatasetValuation.Reason : null, Meta = meta });
        }
        var outcome = DatasetValuation.Run(train, test, Engine(context.Step.Seed), r => Decide(r, false), r => Decide(r, true), cancellationToken: ct);
        var details = new SortedDictionary<string, double>(StringComparer.Ordinal)
        {
            ["validation_records"] = test.Count,
            ["value_sum"] = outcome.Values.Values.Sum(),
        };
        if (outcome.Cutoff is double cutoff) details["removed_at_or_below"] = cutoff;
        return result with { ChangedRecords = outcome.Counts.In, Details = details };
    }
}
