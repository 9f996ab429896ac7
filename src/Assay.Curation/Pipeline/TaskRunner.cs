using System.Diagnostics;
using Assay.Core.Records;
using Assay.Curation.Steps;

namespace Assay.Curation.Pipeline;

/// <summary>
/// Runs task i of N: streams its work items through the steps, writes kept and removed parts,
/// checkpoints every few records (chunk parts + chunk marker), and finally the task marker.
/// A restarted task resumes after its last chunk marker and writes the same bytes it would have.
/// </summary>
public static class TaskRunner
{
    public static TaskResult Run(PipelineRun run, int task, IProgress<long>? records = null, CancellationToken ct = default)
    {
        var layout = run.Layout;
        if (File.Exists(layout.DoneMarker(task)))
            return new TaskResult(MarkerJson.Read<TaskMarker>(layout.DoneMarker(task)), Skipped: true, 0);

        var config = run.Config;
        var ids = config.Steps.Select(s => s.Id).ToList();
        var done = LoadChunks(run, task);
        int resumed = done.Count;
        var position = done.Count > 0 ? done[^1].End : ReadPosition.Start;

        var steps = config.Steps.Select(s => s.Create()).ToArray();
        for (int i = 0; i < steps.Length; i++)
            steps[i].Initialize(new StepContext(task, run.Tasks, config.BaseDirectory, config.Seed, ids[i]));

        var items = run.Plan.ItemsFor(task);
        ulong sampleBelow = SignalSampling.Threshold(run.Plan.TotalBytes);
        var chunk = new ChunkWriter(layout, task, done.Count, ids, sampleBelow);
        try
        {
            long sinceReport = 0;
            for (int it = position.Item; it < items.Count; it++)
            {
                var resume = it == position.Item ? position : ReadPosition.Start;
                using var reader = new PositionedReader(items[it], resume, 32 << 20, config.OnError, () => chunk.Quarantine());
                while (reader.Next(out var record))
                {
                    if (record is not null) Process(record, steps, ids, chunk, items[it]);
                    chunk.Lines++;
                    chunk.Bytes += reader.LastLineBytes;
                    if (++sinceReport == 1024) { ct.ThrowIfCancellationRequested(); records?.Report(sinceReport); sinceReport = 0; }
                    if (chunk.Lines >= config.Checkpoint.Records || chunk.Bytes >= config.Checkpoint.Bytes)
                    {
                        var marker = chunk.Complete(config.ConfigHash, run.Tasks, new ReadPosition(it, reader.Lines, reader.Offset));
                        MarkerJson.Write(layout.ChunkMarker(task, marker.Chunk), marker);
                        done.Add(marker);
                        chunk.Dispose();
                        chunk = new ChunkWriter(layout, task, done.Count, ids, sampleBelow);
                    }
                }
            }
            if (chunk.Lines > 0 || done.Count == 0)
            {
                var marker = chunk.Complete(config.ConfigHash, run.Tasks, new ReadPosition(items.Count, 0, 0));
                MarkerJson.Write(layout.ChunkMarker(task, marker.Chunk), marker);
                done.Add(marker);
            }
            records?.Report(sinceReport);
        }
        finally { chunk.Dispose(); }

        var stats = TaskStats.For(ids);
        foreach (var c in done) stats.Merge(c.Stats);
        var taskMarker = new TaskMarker
        {
            ConfigHash = config.ConfigHash, Task = task, Tasks = run.Tasks, Stats = stats,
            Kept = done.Where(c => c.Kept is not null).Select(c => c.Kept!).ToList(),
            Removed = done.Where(c => c.Removed is not null).Select(c => c.Removed!).ToList(),
            Quarantine = done.Where(c => c.Quarantine is not null).Select(c => c.Quarantine!).ToList(),
        };
        stats.ToAccounting().Verify();
        MarkerJson.Write(layout.DoneMarker(task), taskMarker);
        return new TaskResult(taskMarker, Skipped: false, ResumedChunks: resumed);
    }

    /// <summary>Step times are measured on one record in this many (two clock reads per step per record add up on small records).</summary>
    private const int TimingSample = 8;

    private static void Process(Record record, Step[] steps, List<string> ids, ChunkWriter chunk, WorkItem item)
    {
        bool timed = chunk.Stats.Input++ % TimingSample == 0;
        if (timed) chunk.TimedRecords++;
        long t0 = timed ? Stopwatch.GetTimestamp() : 0;
        for (int i = 0; i < steps.Length; i++)
        {
            var counts = chunk.Stats.Steps[i];
            try
            {
                switch (steps[i])
                {
                    case FilterStep f:
                        var v = f.Judge(record);
                        if (!v.Keep)
                        {
                            var reason = string.IsNullOrEmpty(v.Reason) ? ids[i] : v.Reason;
                            counts.CountRemoved(reason);
                            if (timed) chunk.StepTicks[i] += Stopwatch.GetTimestamp() - t0;
                            chunk.WriteRemoved(record, ids[i], reason);
                            record.Release();
                            return;
                        }
                        counts.CountKept();
                        break;
                    case AnnotateStep a:
                        a.Annotate(record);
                        counts.CountKept();
                        break;
                    case RewriteStep w:
                        long changed = w.Rewrite(record);
                        if (changed > 0) counts.CountChanged(changed);
                        counts.CountKept();
                        break;
                    default:
                        throw new UnreachableException($"step {ids[i]} is neither a filter, an annotator nor a rewriter");
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new StepFailedException($"step '{ids[i]}' failed on record '{record.Id}' of {item.Path}: {e.GetType().Name}: {e.Message}", e);
            }
            if (timed)
            {
                long t1 = Stopwatch.GetTimestamp();
                chunk.StepTicks[i] += t1 - t0;
                t0 = t1;
            }
        }
        chunk.WriteKept(record);
        record.Release();
    }

    /// <summary>The chunk markers of an unfinished task, in order; stops at the first gap.</summary>
    private static List<ChunkMarker> LoadChunks(PipelineRun run, int task)
    {
        var list = new List<ChunkMarker>();
        for (int c = 0; ; c++)
        {
            var path = run.Layout.ChunkMarker(task, c);
            if (!File.Exists(path)) break;
            var m = MarkerJson.Read<ChunkMarker>(path);
            if (m.ConfigHash != run.Config.ConfigHash || m.Tasks != run.Tasks || m.Task != task || m.Chunk != c)
                throw new InvalidOperationException($"{path} belongs to another run; delete {run.Layout.Folder} or choose another output");
            list.Add(m);
        }
        return list;
    }
}
