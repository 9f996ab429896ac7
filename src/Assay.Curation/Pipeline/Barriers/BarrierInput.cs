using Assay.Core.Datasets;
using Assay.Core.IO;
using Assay.Core.Records;

namespace Assay.Curation.Pipeline.Barriers;

/// <summary>
/// The records a barrier decides on: the kept shards of the stage before it, split exactly as the
/// stage after it reads them (task i gets items i, i+N, ...), so a decision written for task i is
/// found by task i. <see cref="ReadAll"/> is task 0's records, then task 1's, and so on.
/// </summary>
public sealed class BarrierInput(WorkPlan plan)
{
    public int Tasks => plan.Tasks;

    public bool IsEmpty => plan.Items.Count == 0;

    public IEnumerable<Record> Read(int task) => plan.ItemsFor(task).SelectMany(i => ShardReader.Read(i.Path));

    public IEnumerable<(int Task, Record Record)> ReadAll()
    {
        for (int t = 0; t < Tasks; t++)
            foreach (var r in Read(t))
                yield return (t, r);
    }

    /// <summary>The same records, in <see cref="ReadAll"/> order, as a dataset for dataset-level engines.</summary>
    public DatasetInput AsDataset(string name) =>
        new(name, Enumerable.Range(0, Tasks).SelectMany(t => plan.ItemsFor(t)).Select(i => i.Path).ToList(), null, null);
}
