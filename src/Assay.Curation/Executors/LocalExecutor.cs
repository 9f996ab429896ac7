using System.Diagnostics;
using Assay.Core.Progress;
using Assay.Curation.Pipeline;

namespace Assay.Curation.Executors;

/// <summary>
/// Runs a pipeline's tasks on <paramref name="workers"/> threads, then merges. Each task's output
/// depends only on the task, so any worker count gives the same bytes. A pipeline with barrier
/// steps runs stage after stage (<see cref="PipelineStages"/>), each stage's tasks on the workers;
/// the merge then deletes <c>.stages/</c> unless kept, and a rerun of such a finished run skips every stage.
/// </summary>
public sealed class LocalExecutor(int workers)
{
    public RunSummary Run(PipelineRun run, IReadOnlyList<int>? onlyTasks = null, bool merge = true,
        IProgress<ProgressInfo>? progress = null, CancellationToken ct = default)
    {
        if (workers < 1) throw new ArgumentException("workers must be at least 1");
        var clock = Stopwatch.StartNew();
        var stages = PipelineStages.Of(run);
        if (stages.HasBarriers)
        {
            if (onlyTasks is not null) throw new ArgumentException("a pipeline with barrier steps runs one task of one stage at a time (--stage S --task i)");
            return RunStages(run, stages, merge, progress, clock, ct);
        }
        var tasks = onlyTasks ?? Enumerable.Range(0, run.Tasks).ToList();
        foreach (var t in tasks)
            if ((uint)t >= (uint)run.Tasks) throw new ArgumentException($"task {t} is not in 0..{run.Tasks - 1}");
        var (ran, skipped, resumed) = RunParallel(tasks, (t, records, token) =>
        {
            var r = TaskRunner.Run(run, t, records, token);
            return (r.Skipped, r.ResumedChunks > 0);
        }, progress, ct);
        var stats = merge ? PipelineMerger.Merge(run) : null;
        return new RunSummary(ran, skipped, resumed, stats, clock.Elapsed);
    }

    private RunSummary RunStages(PipelineRun run, PipelineStages stages, bool merge, IProgress<ProgressInfo>? progress, Stopwatch clock, CancellationToken ct)
    {
        int ran = 0, skipped = 0, resumed = 0;
        foreach (var stage in stages.All)
        {
            progress?.Report(new ProgressInfo("stage " + stage.Name, stage.Index, stages.All.Count, "stages"));
            var (r, s, m) = RunParallel(stages.Units(stage), (t, records, token) => stages.Run(stage, t, records, token), progress, ct);
            ran += r;
            skipped += s;
            resumed += m;
        }
        var stats = merge ? PipelineMerger.Merge(run) : null;
        return new RunSummary(ran, skipped, resumed, stats, clock.Elapsed);
    }

    /// <summary>Runs the units on the workers; the first failure stops the others and is rethrown.</summary>
    private (int Ran, int Skipped, int Resumed) RunParallel(IReadOnlyList<int> units,
        Func<int, IProgress<long>, CancellationToken, (bool Skipped, bool Resumed)> work, IProgress<ProgressInfo>? progress, CancellationToken ct)
    {
        int next = -1, ran = 0, skipped = 0, resumed = 0, finished = 0;
        long records = 0;
        var throttled = new ThrottledProgress(progress);
        var recordSink = new Progress(n =>
        {
            long total = Interlocked.Add(ref records, n);
            throttled.Report(new ProgressInfo("records", total, null));
        });
        Exception? failure = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        int count = Math.Min(workers, Math.Max(1, units.Count));
        var threads = Enumerable.Range(0, count).Select(_ => new Thread(() =>
        {
            if (count > 1) WorkerPriority.LowerCurrentThread();
            try
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < units.Count && !stop.IsCancellationRequested)
                {
                    var (wasSkipped, wasResumed) = work(units[i], recordSink, stop.Token);
                    if (wasSkipped) Interlocked.Increment(ref skipped); else Interlocked.Increment(ref ran);
                    if (wasResumed) Interlocked.Increment(ref resumed);
                    int f = Interlocked.Increment(ref finished);
                    progress?.Report(new ProgressInfo("tasks", f, units.Count, "tasks"));
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
                stop.Cancel(); // one failed task stops the others at their next record batch
            }
        }) { IsBackground = true, Name = "assay-task" }).ToList();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        ct.ThrowIfCancellationRequested();
        return (ran, skipped, resumed);
    }

    /// <summary>Reports synchronously (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class Progress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
