using Assay.Curation.Executors;

namespace Assay.Curation.Tests.Executors;

public sealed class WorkerPriorityTests
{
    [Fact]
    public void A_worker_thread_runs_at_a_higher_nice_than_the_rest_of_the_process()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && File.Exists("/proc/thread-self/stat"), "per-thread nice is Linux's");
        int before = 0, after = 0;
        var t = new Thread(() =>
        {
            before = Nice();
            WorkerPriority.LowerCurrentThread();
            after = Nice();
        });
        t.Start();
        t.Join();
        Assert.Equal(Math.Min(19, before + 5), after);
        Assert.Equal(before, Nice()); // the calling thread is untouched
    }

    /// <summary>Field 19 of /proc/thread-self/stat; the command name (field 2) may hold spaces, so count after its ')'.</summary>
    private static int Nice()
    {
        string stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], System.Globalization.CultureInfo.InvariantCulture); // fields from 3 on: nice is 19 → index 16
    }
}
