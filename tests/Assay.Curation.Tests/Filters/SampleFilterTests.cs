using Assay.Core.Hashing;
using Assay.Curation.Filters.Sampling;
using Assay.Curation.Steps;

namespace Assay.Curation.Tests.Filters;

public sealed class SampleFilterTests
{
    private static SampleFilter Make(double rate, ulong? seed = null, ulong runSeed = 0)
    {
        var f = new SampleFilter(new SampleOptions { Rate = rate, Seed = seed });
        f.Initialize(new StepContext(0, 1, ".", runSeed, "sample"));
        return f;
    }

    private static string[] Ids(int n) => [.. Enumerable.Range(0, n).Select(i => $"doc-{i}")];

    [Fact]
    public void KeepsIffHashBelowRateTimesTwoToThe64()
    {
        foreach (var id in Ids(2000))
        {
            bool expected = XxHash64.HashString(id, 9) < (ulong)(0.25 * Math.Pow(2, 64));
            Assert.Equal(expected, Make(0.25, seed: 9).Judge(TestRecords.Make("t", id)).Keep);
        }
    }

    [Fact]
    public void RateIsRespectedAndNested()
    {
        var ids = Ids(20_000);
        var small = ids.Where(id => Make(0.1, 5).Judge(TestRecords.Make("", id)).Keep).ToHashSet();
        var large = ids.Where(id => Make(0.3, 5).Judge(TestRecords.Make("", id)).Keep).ToHashSet();
        Assert.InRange(small.Count, 1800, 2200);
        Assert.InRange(large.Count, 5700, 6300);
        Assert.Subset(large, small);
        Assert.Equal("sample:not_sampled", Make(0.1, 5).Judge(TestRecords.Make("", ids.First(id => !small.Contains(id)))).Reason);
    }

    [Fact]
    public void EdgesAndSeeds()
    {
        Assert.All(Ids(500), id => Assert.True(Make(1.0).Judge(TestRecords.Make("", id)).Keep));
        Assert.All(Ids(500), id => Assert.False(Make(0.0).Judge(TestRecords.Make("", id)).Keep));
        // The run seed is used when the step has none, and different seeds pick different records.
        var ids = Ids(2000);
        var byRun = ids.Where(id => Make(0.5, runSeed: 3).Judge(TestRecords.Make("", id)).Keep).ToArray();
        var byOption = ids.Where(id => Make(0.5, seed: 3, runSeed: 99).Judge(TestRecords.Make("", id)).Keep).ToArray();
        var other = ids.Where(id => Make(0.5, seed: 4).Judge(TestRecords.Make("", id)).Keep).ToArray();
        Assert.Equal(byRun, byOption);
        Assert.NotEqual(byRun, other);
        Assert.Throws<ArgumentOutOfRangeException>(() => Make(1.5));
    }
}
