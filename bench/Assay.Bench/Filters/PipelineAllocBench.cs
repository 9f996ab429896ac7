using System.Diagnostics.Tracing;
using System.Globalization;
using Assay.Curation.Executors;
using Assay.Curation.Pipeline;

namespace Assay.Bench.Filters;

/// <summary>
/// Where a pipeline's allocations go: runs `assay run PIPELINE.yaml` in this process on one worker and
/// tallies the runtime's GC AllocationTick events (one per ~100 KB allocated, naming the type that
/// crossed the threshold) by type, so the top rows estimate bytes allocated per type. Allocation is
/// what the two cores contend for (gen0 zeroing, GC), so this guides cuts on the hot path.
/// Usage: pipeline-alloc PIPELINE.yaml [--top 30]
/// </summary>
public sealed class PipelineAllocBench : IBenchTask
{
    public string Name => "pipeline-alloc";
    public string Description => "allocation by type of one pipeline run (GC AllocationTick sampling)";

    public int Run(string[] args)
    {
        if (args.Length == 0) { Console.Error.WriteLine("usage: pipeline-alloc PIPELINE.yaml [--top N]"); return 1; }
        int i = Array.IndexOf(args, "--top");
        int top = i >= 0 ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : 30;
        var config = PipelineLoader.Load(args[0]);
        if (Directory.Exists(config.OutputFolder)) Directory.Delete(config.OutputFolder, recursive: true);
        var run = PipelineRun.Prepare(config);
        using var listener = new AllocationListener();
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var summary = new LocalExecutor(1).Run(run);
        long total = GC.GetTotalAllocatedBytes(precise: true) - before;
        long sampled = listener.ByType.Values.Sum();
        Console.WriteLine($"{summary.TasksRun} tasks, {total / 1e6:F0} MB allocated, gen0/1/2 collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
        Console.WriteLine("| type | sampled MB | share |");
        Console.WriteLine("|---|---|---|");
        foreach (var (type, bytes) in listener.ByType.OrderByDescending(kv => kv.Value).Take(top))
            Console.WriteLine($"| {type} | {bytes / 1e6:F0} | {(double)bytes / sampled:P1} |");
        return 0;
    }

    private sealed class AllocationListener : EventListener
    {
        public readonly Dictionary<string, long> ByType = new(StringComparer.Ordinal);

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
                EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
            int nameAt = e.PayloadNames!.IndexOf("TypeName");
            int amountAt = e.PayloadNames.IndexOf("AllocationAmount64");
            if (nameAt < 0 || amountAt < 0) return;
            string type = e.Payload[nameAt] as string ?? "?";
            long amount = Convert.ToInt64(e.Payload[amountAt], CultureInfo.InvariantCulture);
            lock (ByType) ByType[type] = ByType.GetValueOrDefault(type) + amount;
        }
    }
}
