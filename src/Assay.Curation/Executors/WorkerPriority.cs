using System.Runtime.InteropServices;

namespace Assay.Curation.Executors;

/// <summary>
/// Lowers a worker thread's scheduling priority a little (on Linux, nice is per thread). When every core
/// runs a worker, the runtime's background JIT, which replaces a run's slow first-tier code with optimized
/// code, would otherwise get a third of a core for the first seconds; at nice +<see cref="Nice"/> it wins a
/// core as soon as it wakes, and then sleeps. The 1 GB web-text pipeline on two workers took 21.0 s instead of
/// 21.7 s (means of three), 100 MB 3.77 s instead of 3.93 s (bench/results/pipeline.md, session 3).
/// Only with two or more workers: a single worker leaves a core to the JIT anyway. Elsewhere, or if the
/// call fails, nothing changes.
/// </summary>
internal static partial class WorkerPriority
{
    private const int Nice = 5;
    private const int PrioProcess = 0; // PRIO_PROCESS: on Linux a thread id addresses that one thread

    public static void LowerCurrentThread()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            uint tid = (uint)gettid();
            // Relative to the thread's current nice, so `nice -n 10 assay run` stays below that, never above.
            Marshal.SetLastPInvokeError(0);
            int current = getpriority(PrioProcess, tid);
            if (current == -1 && Marshal.GetLastPInvokeError() != 0) return;
            _ = setpriority(PrioProcess, tid, Math.Min(19, current + Nice));
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int getpriority(int which, uint who);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setpriority(int which, uint who, int prio);

    [LibraryImport("libc")]
    private static partial int gettid();
}
