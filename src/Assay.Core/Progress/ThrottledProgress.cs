using System.Diagnostics;

namespace Assay.Core.Progress;

/// <summary>Forwards at most a few reports a second, so a hot loop can report every record cheaply.</summary>
public sealed class ThrottledProgress(IProgress<ProgressInfo>? inner, double minSeconds = 0.2)
{
    private long _lastTicks = long.MinValue;

    public void Report(ProgressInfo info, bool force = false)
    {
        if (inner is null) return;
        long now = Stopwatch.GetTimestamp();
        if (!force && _lastTicks != long.MinValue && Stopwatch.GetElapsedTime(_lastTicks, now).TotalSeconds < minSeconds) return;
        _lastTicks = now;
        inner.Report(info);
    }
}
