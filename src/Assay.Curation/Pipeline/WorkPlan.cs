using Assay.Core.Datasets;
using Assay.Core.IO;

namespace Assay.Curation.Pipeline;

/// <summary>
/// The deterministic split of a run: inputs → shards (ordinal order) → work items (large
/// uncompressed shards cut into byte ranges), item j going to task j mod N (datatrove's files[i::N]).
/// </summary>
public sealed class WorkPlan
{
    private WorkPlan(IReadOnlyList<WorkItem> items, IReadOnlyList<DatasetInput> inputs, int tasks)
    {
        Items = items;
        Inputs = inputs;
        Tasks = tasks;
    }

    public IReadOnlyList<WorkItem> Items { get; }
    public IReadOnlyList<DatasetInput> Inputs { get; }
    public int Tasks { get; }
    public long TotalBytes => Items.Sum(i => i.Bytes);

    public static WorkPlan Build(PipelineConfig config, int? tasks = null)
    {
        var inputs = config.Inputs.Select(i => DatasetInput.Resolve(config.Resolve(i.Path))).ToList();
        var items = new List<WorkItem>();
        for (int i = 0; i < inputs.Count; i++)
        {
            foreach (var shard in inputs[i].Shards)
            {
                long size = FileSize.Of(shard);
                bool split = ShardFormat.CompressionOf(shard) == Compression.None && size > config.SplitBytes;
                var ranges = split ? ByteRangeSplitter.Split(shard, (int)Math.Min(int.MaxValue, (size + config.SplitBytes - 1) / config.SplitBytes)) : [ByteRange.Whole];
                foreach (var r in ranges)
                {
                    long bytes = r.IsWhole ? size : r.Length;
                    items.Add(new WorkItem(items.Count, i, Path.GetFullPath(shard), r.Start, r.End, bytes, config.Inputs[i].Source));
                }
            }
        }
        int n = tasks ?? config.Tasks ?? Math.Max(1, items.Count);
        if (n < 1) throw new ArgumentException("tasks must be at least 1");
        return new WorkPlan(items, inputs, n);
    }

    /// <summary>
    /// The plan of a later stage: the previous stage's kept shards (task order, then chunk order) as
    /// whole-shard items, item j again going to task j mod N.
    /// </summary>
    internal static WorkPlan FromShards(IReadOnlyList<(string Path, long Bytes)> shards, IReadOnlyList<DatasetInput> inputs, int tasks) =>
        new(shards.Select((s, j) => new WorkItem(j, 0, s.Path, ByteRange.Whole.Start, ByteRange.Whole.End, s.Bytes, null)).ToList(), inputs, tasks);

    public IReadOnlyList<WorkItem> ItemsFor(int task)
    {
        if ((uint)task >= (uint)Tasks) throw new ArgumentOutOfRangeException(nameof(task), $"task {task} is not in 0..{Tasks - 1}");
        var mine = new List<WorkItem>();
        for (int j = task; j < Items.Count; j += Tasks) mine.Add(Items[j]);
        return mine;
    }
}
