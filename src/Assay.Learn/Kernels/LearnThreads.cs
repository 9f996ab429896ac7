namespace Assay.Learn.Kernels;

/// <summary>
/// How many threads the kernels may use. Every kernel partitions work so that each output element
/// is reduced by exactly one thread in a fixed order, so results do not depend on this number;
/// it only bounds CPU use (the machine is often shared).
/// </summary>
public static class LearnThreads
{
    private static int _count = Environment.ProcessorCount;

    public static int Count
    {
        get => _count;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _count = value;
            OpenBlas.TrySetThreads(value);
        }
    }

    /// <summary>Changes only the managed kernels' thread count, leaving OpenBLAS alone (for tests).</summary>
    internal static void SetManagedOnly(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        _count = value;
    }

    internal static ParallelOptions Options => new() { MaxDegreeOfParallelism = _count };

    /// <summary>Runs body over [0, n) split into contiguous chunks; sequential when the work is small.</summary>
    internal static void For(int n, long workPerItem, Action<int, int> body)
    {
        const long MinWorkPerThread = 1 << 16;
        int threads = (int)Math.Clamp(n * workPerItem / MinWorkPerThread, 1, Math.Min(_count, n));
        if (threads <= 1)
        {
            if (n > 0) body(0, n);
            return;
        }
        // More chunks than threads so a slow (shared) core does not hold everyone back.
        int chunks = Math.Min(n, threads * 4);
        Parallel.For(0, chunks, Options, ci =>
        {
            int start = (int)((long)n * ci / chunks);
            int end = (int)((long)n * (ci + 1) / chunks);
            body(start, end);
        });
    }
}
