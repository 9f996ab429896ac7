using System.Diagnostics;
using Assay.Core.Accounting;
using Assay.Core.Datasets;
using Assay.Core.Records;
using Assay.Valuation.Data;
using Assay.Valuation.Methods;

namespace Assay.Valuation.Steps;

/// <summary>
/// Valuation as a curation step (a barrier: it needs every training record at once). Values each training record against
/// a validation set, writes <c>meta.value</c> (and <c>value_method</c>, <c>value_se</c>) on every record, and removes the
/// ⌊drop_fraction · N⌋ lowest-valued ones with <c>meta.removed_by = value_v1</c>, <c>meta.reason = lowest_value</c>.
/// Records are ranked by (value, id ordinal), so ties break by id and the split is the same on every run; kept records
/// leave in input order.
/// </summary>
public static class DatasetValuation
{
    public const string StepName = "value_v1";
    public const string Reason = "lowest_value";

    /// <summary>Records in, records out through <paramref name="keep"/> and <paramref name="remove"/> (for pipeline steps).</summary>
    public static ValueStepResult Run(IReadOnlyList<Record> train, IReadOnlyList<Record> test, ValueStepOptions options,
        Action<Record> keep, Action<Record> remove, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var sw = Stopwatch.StartNew();
        options = options.Validated();
        var pair = RecordData.FromRecords(FeatureFill.WithFeatures(train, options.Embedder, "training", cancellationToken),
            FeatureFill.WithFeatures(test, options.Embedder, "validation", cancellationToken));
        var result = ValuationMethods.Create(options.Method, options.Settings).Value(pair.Train, pair.Test, progress, cancellationToken);
        var removed = LowestIndices(train, result.Values, options.DropFraction);
        var counts = new StepCounts(StepName);
        double? cutoff = null;
        int i = 0;
        foreach (var r in RecordData.WithValues(train, result))
        {
            if (removed[i])
            {
                cutoff = Math.Max(cutoff ?? double.NegativeInfinity, result.Values[i]);
                remove(RemovedRecords.Mark(r, StepName, Reason));
                counts.CountRemoved(Reason);
            }
            else
            {
                keep(r);
                counts.CountKept();
            }
            i++;
        }
        counts.Seconds = sw.Elapsed.TotalSeconds;
        counts.Verify();
        return new ValueStepResult(counts, result, cutoff);
    }

    /// <summary>Datasets in, a kept and a removed dataset out (the CLI's <c>--kept</c> / <c>--removed</c>).</summary>
    public static ValueStepResult Run(DatasetInput train, DatasetInput test, ValueStepOptions options, string keptDir, string removedDir,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var read = new ReadOptions { RequireText = false };
        var trainRecords = DatasetReader.Read(train, read).ToList();
        var testRecords = DatasetReader.Read(test, read).ToList();
        using var kept = new DatasetWriter(keptDir);
        using var removed = new DatasetWriter(removedDir);
        var result = Run(trainRecords, testRecords, options, kept.Write, removed.Write, progress, cancellationToken);
        var lineage = new Lineage
        {
            Command = $"assay value --method {options.Method} --drop-lowest {options.DropFraction.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            Inputs = [new LineageInput(train.Spec, train.Checksum()), new LineageInput(test.Spec, test.Checksum())],
        };
        kept.Complete("kept", lineage, $"training records kept by {StepName} ({options.Method})");
        removed.Complete("removed", lineage, $"the lowest-valued {options.DropFraction:P1} of training records, removed by {StepName}");
        return result;
    }

    /// <summary>Marks the ⌊fraction · N⌋ records lowest by (value, id ordinal).</summary>
    internal static bool[] LowestIndices(IReadOnlyList<Record> records, double[] values, double fraction)
    {
        // The epsilon keeps 0.29 · 100 (= 28.999…) at 29.
        int drop = (int)Math.Floor(fraction * records.Count + 1e-9);
        var order = Enumerable.Range(0, records.Count)
            .OrderBy(i => values[i]).ThenBy(i => records[i].Id, StringComparer.Ordinal).Take(drop);
        var marked = new bool[records.Count];
        foreach (var i in order) marked[i] = true;
        return marked;
    }
}
