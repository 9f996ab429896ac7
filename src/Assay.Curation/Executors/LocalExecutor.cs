using System.Diagnostics;
using Assay.Core.Progress;
using Assay.Curation.Pipeline;

namespace Assay.Curation.Executors;

/// <summary>
/// Runs a pipeline's tasks on <paramref name="workers"/> threads, then merges. Each task's output
/// depends only on the task, so any worker count gives the same bytes.
/// </summary>
public sealed class LocalExecutor(int workers)
{
    public RunSummary Run(PipelineRun run, string command, IReadOnlyList<int>? onlyTasks = null, bool merge = true,
        IProgress<ProgressInfo>? progress = null, CancellationToken ct = default)
    {
        if (workers < 1) throw new ArgumentException("workers must be at least 1");
        var clock = Stopwatch.StartNew();
        var tasks = onlyTasks ?? Enumerable.Range(0, run.Tasks).ToList();
        foreach (var t in tasks)
            if ((uint)t >= (uint)run.Tasks) throw new ArgumentException($"task {t} is not in 0..{run.Tasks - 1}");
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
        var threads = Enumerable.Range(0, Math.Min(workers, Math.Max(1, tasks.Count))).Select(_ => new Thread(() =>
        {
            try
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < tasks.Count && !stop.IsCancellationRequested)
                {
                    var r = TaskRunner.Run(run, tasks[i], recordSink, stop.Token);
                    if (r.Skipped) Interlocked.Increment(ref skipped); else Interlocked.Increment(ref ran);
                    if (r.ResumedChunks > 0) Interlocked.Increment(ref resumed);
                    int f = Interlocked.Increment(ref finished);
                    progress?.Report(new ProgressInfo("tasks", f, tasks.Count, "tasks"));
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
        var stats = merge ? PipelineMerger.Merge(run, command) : null;
        return new RunSummary(ran, skipped, resumed, stats, clock.Elapsed);
    }

    /// <summary>Reports synchronously (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class Progress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
