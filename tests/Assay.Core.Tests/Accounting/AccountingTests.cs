using Assay.Core.Accounting;
using FsCheck;
using FsCheck.Fluent;

namespace Assay.Core.Tests.Accounting;

public sealed class AccountingTests
{
    /// <summary>Any sequence of keep/remove decisions, split over any number of tasks and merged, adds up.</summary>
    [Fact]
    public void MergedTaskCountsAlwaysAddUp()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), ArbMap.Default.ArbFor<PositiveInt>(), (decisions, tasks) =>
        {
            int n = Math.Min(tasks.Get, 16);
            var parts = Enumerable.Range(0, n).Select(_ => new RunAccounting()).ToArray();
            for (int i = 0; i < decisions.Length; i++)
            {
                var run = parts[i % n];
                run.Input++;
                var s1 = run.Step("quality");
                if (decisions[i] % 3 == 0) { s1.CountRemoved(decisions[i] % 2 == 0 ? "short" : "symbols"); continue; }
                s1.CountKept();
                var s2 = run.Step("dedup");
                if (decisions[i] % 5 == 0) s2.CountRemoved("duplicate"); else s2.CountKept();
            }
            var total = new RunAccounting();
            foreach (var p in parts) total.Merge(p);
            if (total.Steps.Count == 2) total.Verify();
            return total.Input == decisions.Length;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ALostRecordFailsLoudly()
    {
        var run = new RunAccounting { Input = 10 };
        var s = run.Step("f");
        for (int i = 0; i < 9; i++) s.CountKept();
        var e = Assert.Throws<AccountingException>(run.Verify);
        Assert.Contains("received 9 records but the step before it kept 10", e.Message);

        var bad = new StepCounts("g") { In = 5, Kept = 3 };
        bad.Removed["x"] = 1;
        Assert.Contains("5 records in but 3 kept + 1 removed", Assert.Throws<AccountingException>(bad.Verify).Message);
    }
}
