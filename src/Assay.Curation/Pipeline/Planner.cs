using System.Diagnostics;
using Assay.Core.IO;
using Assay.Core.Records;
using Assay.Curation.Steps;

namespace Assay.Curation.Pipeline;

/// <summary>
/// Estimates a run without doing it: reads the first records of a few shards, times reading, each
/// step and writing on them, measures bytes per record and the kept share, then scales to the
/// whole input and simulates K workers pulling tasks in order (the local executor's schedule).
/// Estimates, not promises: the sample is the start of each shard.
/// </summary>
public static class Planner
{
    private const long BaseRamBytes = 80L << 20;        // runtime, JIT, loaded assemblies
    private const long PerTaskBufferBytes = 12L << 20;  // line buffer, two shard writers, (de)compressor windows

    public static PipelinePlan Plan(PipelineRun run, string executor, int workers, int recordsPerShard = 2000, int maxShards = 8, CancellationToken ct = default)
    {
        var config = run.Config;
        var items = run.Plan.Items;
        var sampled = items.GroupBy(i => i.Path).Select(g => g.First()).Take(maxShards).ToList();
        var steps = config.Steps.Select(s => s.Create()).ToArray();
        long heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        for (int i = 0; i < steps.Length; i++) steps[i].Initialize(new StepContext(0, run.Tasks, config.BaseDirectory, config.Seed, config.Steps[i].Id));
        long stepRam = Math.Max(0, GC.GetTotalMemory(forceFullCollection: true) - heapBefore);

        var stepTicks = new long[steps.Length];
        var stepIn = new long[steps.Length];
        var stepKept = new long[steps.Length];
        long readTicks = 0, writeTicks = 0, records = 0, inBytes = 0, keptBytes = 0, removedBytes = 0, maxLine = 0;
        var bytesPerFileByte = new Dictionary<string, double>(StringComparer.Ordinal);
        var tmp = Path.Combine(Path.GetTempPath(), "assay-plan-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var keptWriter = new ShardWriter(Path.Combine(tmp, "kept" + ShardFormat.Extension(config.Compression)));
            using var removedWriter = new ShardWriter(Path.Combine(tmp, "removed" + ShardFormat.Extension(config.Compression)));
            using var quarantine = new QuarantineWriter(Path.Combine(tmp, "q"));
            foreach (var item in sampled)
            {
                using var reader = new PositionedReader(item, ReadPosition.Start, 32 << 20, OnError.Quarantine, () => quarantine);
                long t = Stopwatch.GetTimestamp();
                for (int n = 0; n < recordsPerShard && reader.Next(out var record); n++)
                {
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
            double outRatio = Ratio(keptInfo, removedInfo);
            return Build(run, executor, workers, sampled.Count, records, inBytes, keptBytes, removedBytes, outRatio, maxLine, stepRam,
                readTicks, writeTicks, stepTicks, stepIn, stepKept, bytesPerFileByte);
        }
        finally { try { Directory.Delete(tmp, true); } catch (IOException) { } }
    }

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

    private static bool Do(Action a) { a(); return true; }

    private static double Ratio(ShardInfo? a, ShardInfo? b)
    {
        long file = (a?.Bytes ?? 0) + (b?.Bytes ?? 0), raw = (a?.UncompressedBytes ?? 0) + (b?.UncompressedBytes ?? 0);
        return raw == 0 ? 1 : (double)file / raw;
    }

    private static PipelinePlan Build(PipelineRun run, string executor, int workers, int shards, long records, long inBytes, long keptBytes, long removedBytes,
        double outRatio, long maxLine, long stepRam, long readTicks, long writeTicks, long[] stepTicks, long[] stepIn, long[] stepKept, Dictionary<string, double> ratios)
    {
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
