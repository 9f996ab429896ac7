using System.Diagnostics;
using Assay.Core.IO;
using Assay.Core.Records;
using Assay.Curation.Steps;

namespace Assay.Curation.Pipeline;

/// <summary>
/// Estimates a run without doing it: reads the same number of bytes from the start of work items spread
/// evenly over the input (different shards and, in split shards, different byte ranges), times reading,
/// each step and writing on them, measures bytes per record and the kept share, then scales to the whole
/// input and simulates K workers pulling tasks in order (the local executor's schedule). Equal bytes per
/// item, not equal records: a part of short records and a part of long ones then weigh as their bytes do.
/// Estimates, not promises: each sampled item contributes the records at its start.
/// </summary>
public static class Planner
{
    // Calibrated on the 1 GB web-text run (bench/results/pipeline.md, session 3): peak RSS 173-177 MiB on one
    // worker and 208-288 MiB on two, of which the GC's allocation headroom per allocating thread is most.
    private const long BaseRamBytes = 120L << 20;       // runtime, JIT, loaded assemblies, the GC's own heap slack
    private const long PerTaskBufferBytes = 56L << 20;  // line buffer, two shard writers, (de)compressor windows, gen0 headroom

    /// <param name="bytesPerItem">Input bytes read from the start of each sampled work item.</param>
    /// <param name="maxRecordsPerItem">At most this many records of each item, to bound the sample of tiny records.</param>
    /// <param name="maxShards">Work items sampled, evenly spaced over the plan's items.</param>
    public static PipelinePlan Plan(PipelineRun run, string executor, int workers, long bytesPerItem = 512 << 10, int maxRecordsPerItem = 20_000,
        int maxShards = 16, CancellationToken ct = default)
    {
        var config = run.Config;
        var sampled = Spread(run.Plan.Items, maxShards);
        var steps = config.Steps.Select(s => s.Create()).ToArray();
        long heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        for (int i = 0; i < steps.Length; i++) steps[i].Initialize(new StepContext(0, run.Tasks, config.BaseDirectory, config.Seed, config.Steps[i].Id));
        long stepRam = Math.Max(0, GC.GetTotalMemory(forceFullCollection: true) - heapBefore);

        var tmp = Path.Combine(Path.GetTempPath(), "assay-plan-" + Guid.NewGuid().ToString("N"));
        try
        {
            // The first pass only warms up: its records run in the runtime's first-tier code, which takes
            // about twice as long as the optimized code a run spends nearly all its time in. The second is measured.
            Sample(sampled, steps, Path.Combine(tmp, "warm-up"), config.Compression, bytesPerItem, maxRecordsPerItem, ct);
            var measured = Sample(sampled, steps, Path.Combine(tmp, "measured"), config.Compression, bytesPerItem, maxRecordsPerItem, ct);
            return Build(run, executor, workers, sampled.Count, stepRam, measured);
        }
        finally { try { Directory.Delete(tmp, true); } catch (IOException) { } }
    }

    /// <summary>Reads, judges and writes the sampled records once, timing each part.</summary>
    private static SampleMeasures Sample(List<WorkItem> sampled, Step[] steps, string tmp, Compression compression, long bytesPerItem,
        int maxRecordsPerItem, CancellationToken ct)
    {
        var stepTicks = new long[steps.Length];
        var stepIn = new long[steps.Length];
        var stepKept = new long[steps.Length];
        long readTicks = 0, writeTicks = 0, records = 0, inBytes = 0, keptBytes = 0, removedBytes = 0, maxLine = 0;
        var bytesPerFileByte = new Dictionary<string, double>(StringComparer.Ordinal);
        using var keptWriter = new ShardWriter(Path.Combine(tmp, "kept" + ShardFormat.Extension(compression)));
        using var removedWriter = new ShardWriter(Path.Combine(tmp, "removed" + ShardFormat.Extension(compression)));
        using var quarantine = new QuarantineWriter(Path.Combine(tmp, "q"));
        foreach (var item in sampled)
        {
            using var reader = new PositionedReader(item, ReadPosition.Start, 32 << 20, OnError.Quarantine, () => quarantine);
            long t = Stopwatch.GetTimestamp();
            long itemBytes = 0;
            for (int n = 0; n < maxRecordsPerItem && itemBytes < bytesPerItem && reader.Next(out var record); n++)
            {
                itemBytes += reader.LastLineBytes;
                ct.ThrowIfCancellationRequested();
                readTicks += Stopwatch.GetTimestamp() - t;
                inBytes += reader.LastLineBytes;
                maxLine = Math.Max(maxLine, reader.LastLineBytes);
                if (record is not null)
                {
                    records++;
                    bool kept = true;
                    for (int i = 0; i < steps.Length && kept; i++)
                    {
                        long s0 = Stopwatch.GetTimestamp();
                        stepIn[i]++;
                        kept = steps[i] switch
                        {
                            FilterStep f => f.Judge(record).Keep,
                            AnnotateStep a => Do(() => a.Annotate(record)),
                            RewriteStep w => Do(() => w.Rewrite(record)),
                            _ => true,
                        };
                        if (kept) stepKept[i]++;
                        stepTicks[i] += Stopwatch.GetTimestamp() - s0;
                    }
                    long w0 = Stopwatch.GetTimestamp();
                    long before = kept ? keptWriter.UncompressedBytes : removedWriter.UncompressedBytes;
                    (kept ? keptWriter : removedWriter).Write(record);
                    if (kept) keptBytes += keptWriter.UncompressedBytes - before; else removedBytes += removedWriter.UncompressedBytes - before;
                    writeTicks += Stopwatch.GetTimestamp() - w0;
                }
                t = Stopwatch.GetTimestamp();
            }
            if (reader.Offset > 0 && item.Compressed) bytesPerFileByte[item.Path] = (double)reader.Offset / Math.Max(1, reader.FileBytesRead);
        }
        var keptInfo = keptWriter.Records > 0 ? keptWriter.Complete() : null;
        var removedInfo = removedWriter.Records > 0 ? removedWriter.Complete() : null;
        return new SampleMeasures(records, inBytes, keptBytes, removedBytes, Ratio(keptInfo, removedInfo), maxLine,
            readTicks, writeTicks, stepTicks, stepIn, stepKept, bytesPerFileByte);
    }

    private sealed record SampleMeasures(long Records, long InBytes, long KeptBytes, long RemovedBytes, double OutRatio, long MaxLine,
        long ReadTicks, long WriteTicks, long[] StepTicks, long[] StepIn, long[] StepKept, Dictionary<string, double> BytesPerFileByte);

    /// <summary>
    /// Each barrier's map and reduce stages, costed by the step itself for the records expected to
    /// reach it (the sampled kept share of the per-record steps before it; barriers are assumed to
    /// keep everything). Maps read the segment's kept shards again, and the segment after a barrier
    /// reads and writes them once more (its steps' own cost is in the "tasks" stage); the kept shards
    /// of the segment before a barrier are counted in its disk.
    /// </summary>
    private static void AddBarriers(PipelineRun run, List<PlanStage> stages, long totalRecords, double bytesPerRecord, double outRatio,
        int parallel, long[] stepIn, long[] stepKept, double readSecPerRecord, double writeSecPerRecord)
    {
        parallel = Math.Max(1, parallel);
        double share = 1;
        for (int i = 0; i < run.Config.Steps.Count; i++)
        {
            var spec = run.Config.Steps[i];
            if (spec.Create() is not BarrierStep barrier)
            {
                if (stepIn[i] > 0) share *= (double)stepKept[i] / stepIn[i];
                continue;
            }
            long records = (long)(totalRecords * share);
            long bytes = (long)(records * bytesPerRecord);
            var cost = barrier.Estimate(records, bytes);
            if (barrier.Maps)
                stages.Add(new(spec.Id + ":map", (cost.MapCpuSeconds + records * readSecPerRecord) / parallel, BaseRamBytes + parallel * PerTaskBufferBytes, 0,
                    $"~{records:N0} records over {run.Tasks} tasks"));
            stages.Add(new(spec.Id + ":reduce", cost.ReduceSeconds, BaseRamBytes + cost.ReduceRamBytes, cost.DiskBytes + (long)(bytes * outRatio), cost.Note));
            stages.Add(new(spec.Id + ":apply", records * (readSecPerRecord + writeSecPerRecord) / parallel, BaseRamBytes + parallel * PerTaskBufferBytes, 0,
                "the next segment rereads the kept records, applies the decisions and writes them again"));
        }
    }

    /// <summary>
    /// Up to <paramref name="count"/> items evenly spaced over the list. Inputs are often concatenations (one
    /// source after another, or a mix repeated), so the first item of each shard can all look alike.
    /// </summary>
    internal static List<WorkItem> Spread(IReadOnlyList<WorkItem> items, int count)
    {
        if (items.Count <= count) return [.. items];
        var picked = new List<WorkItem>(count);
        for (int i = 0; i < count; i++) picked.Add(items[(int)((long)i * items.Count / count)]);
        return picked;
    }

    private static bool Do(Action a) { a(); return true; }

    private static double Ratio(ShardInfo? a, ShardInfo? b)
    {
        long file = (a?.Bytes ?? 0) + (b?.Bytes ?? 0), raw = (a?.UncompressedBytes ?? 0) + (b?.UncompressedBytes ?? 0);
        return raw == 0 ? 1 : (double)file / raw;
    }

    private static PipelinePlan Build(PipelineRun run, string executor, int workers, int shards, long stepRam, SampleMeasures sample)
    {
        var (records, inBytes, keptBytes, removedBytes, outRatio, maxLine, readTicks, writeTicks, stepTicks, stepIn, stepKept, ratios) = sample;
        double Sec(long ticks) => Stopwatch.GetElapsedTime(0, ticks).TotalSeconds;
        double bytesPerRecord = records == 0 ? 1 : (double)inBytes / records;
        double secPerRecord = records == 0 ? 0 : (Sec(readTicks) + Sec(writeTicks) + stepTicks.Sum(Sec)) / records;
        double meanRatio = ratios.Count == 0 ? 4 : ratios.Values.Average(); // compressed shards not sampled: assume 4x
        double UncompressedBytes(WorkItem i) => i.Compressed ? i.Bytes * ratios.GetValueOrDefault(i.Path, meanRatio) : i.Bytes;

        // Per-task seconds, then K workers pulling tasks in order.
        var taskSeconds = new double[run.Tasks];
        long totalRecords = 0;
        for (int j = 0; j < run.Plan.Items.Count; j++)
        {
            double recs = UncompressedBytes(run.Plan.Items[j]) / bytesPerRecord;
            totalRecords += (long)recs;
            taskSeconds[j % run.Tasks] += recs * secPerRecord;
        }
        bool slurm = executor == "slurm";
        int slots = slurm ? run.Tasks : Math.Max(1, workers);
        var free = new PriorityQueue<int, double>();
        for (int w = 0; w < Math.Min(slots, run.Tasks); w++) free.Enqueue(w, 0);
        double makespan = 0;
        foreach (var t in taskSeconds)
        {
            free.TryDequeue(out int w, out double at);
            double end = at + t;
            makespan = Math.Max(makespan, end);
            free.Enqueue(w, end);
        }
        double keptShare = records == 0 ? 0 : (double)keptBytes / Math.Max(1, keptBytes + removedBytes);
        double scale = inBytes == 0 ? 0 : (double)run.Plan.Items.Sum(UncompressedBytes) / inBytes;
        long keptDisk = (long)(keptBytes * scale * outRatio), removedDisk = (long)(removedBytes * scale * outRatio);
        long perTaskRam = PerTaskBufferBytes + 2 * maxLine + stepRam;
        int parallel = slurm ? 1 : Math.Min(slots, run.Tasks);
        var stages = new List<PlanStage>
        {
            new("tasks", makespan, BaseRamBytes + parallel * perTaskRam, keptDisk + removedDisk,
                slurm ? $"{run.Tasks} array tasks, wall = the longest task if all run at once (queueing not included); RAM per array task"
                      : $"{run.Tasks} tasks on {workers} workers; kept ≈ {keptShare:P0} of bytes"),
        };
        double readPerRecord = records == 0 ? 0 : Sec(readTicks) / records, writePerRecord = records == 0 ? 0 : Sec(writeTicks) / records;
        AddBarriers(run, stages, totalRecords, bytesPerRecord, outRatio, slurm ? run.Tasks : Math.Min(workers, run.Tasks), stepIn, stepKept, readPerRecord, writePerRecord);
        stages.Add(new("merge", 1 + run.Tasks * 0.01, BaseRamBytes, 64L << 10, "reads task markers, writes dataset.json, stats.json, report.html"));
        if (run.Config.Mix is { } mix)
        {
            double passes = 1 + Math.Max(1, mix.MaxRepeat);
            double readSec = readPerRecord * totalRecords * keptShare;
            stages.Add(new("mix", passes * readSec, BaseRamBytes + PerTaskBufferBytes, keptDisk, "one counting pass + one pass per copy over the kept records (upper bound)"));
        }
        return new PipelinePlan
        {
            Executor = executor, Tasks = run.Tasks, Workers = workers, WorkItems = run.Plan.Items.Count,
            InputBytes = run.Plan.TotalBytes, EstimatedRecords = totalRecords, SampledRecords = records, SampledShards = shards,
            ReadMsPer1kRecords = records == 0 ? 0 : Sec(readTicks) * 1e6 / records,
            WriteMsPer1kRecords = records == 0 ? 0 : Sec(writeTicks) * 1e6 / records,
            Steps = run.Config.Steps.Select((s, i) => new PlanStep(s.Id, stepIn[i] == 0 ? 0 : Sec(stepTicks[i]) * 1e6 / stepIn[i], stepIn[i] == 0 ? 1 : (double)stepKept[i] / stepIn[i])).ToList(),
            Stages = stages,
        };
    }
}
