using Assay.Curation.Dedup;

namespace Assay.Curation.Tests.Dedup;

public sealed class ExactDedupTests
{
    [Fact]
    public void NormalizedCopiesAreOneClusterKeepingLowestId()
    {
        var docs = new List<DedupDocument>
        {
            new("b", "Hello, World! This is a test."),
            new("a", "hello world\nthis is a TEST"),
            new("c", "Hello world, this is another test."),
            new("d", "HELLO WORLD THIS IS A TEST!!!"),
        };
        var result = ExactDeduplicator.Run(docs, ct: TestContext.Current.CancellationToken);
        Assert.Equal(
            [new("b", false, "a"), new("a", true, null), new("c", true, null), new("d", false, "a")],
            result);
    }

    [Fact]
    public void LongestAndHighestScoreRules()
    {
        var docs = new List<DedupDocument> { new("a", "same text", 1), new("b", "Same text!!!", 5), new("c", "same   text", 3) };
        Assert.True(ExactDeduplicator.Run(docs, KeepRule.Longest, TestContext.Current.CancellationToken)[1].Keep);
        Assert.True(ExactDeduplicator.Run(docs, KeepRule.HighestScore, TestContext.Current.CancellationToken)[1].Keep);
        Assert.Single(ExactDeduplicator.Run(docs, KeepRule.Longest, TestContext.Current.CancellationToken), d => d.Keep);
    }
}
