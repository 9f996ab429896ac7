using Assay.Curation.Dedup;

namespace Assay.Curation.Tests.Dedup;

public sealed class MinHashPipelineTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "assay-minhash-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
            Directory.Delete(_dir, recursive: true);
    }

    private static List<DedupDocument> Corpus()
    {
        var docs = RealText.Documents(3, 40, 120).Select((t, i) => new DedupDocument($"d{i:D3}", t, i)).ToList();
        // Re-wrapped, upper-cased and punctuated copies of d005 and d010 under other ids.
        docs.Add(new DedupDocument("a-copy", docs[5].Text.ToUpperInvariant().Replace(" ", "\n"), 100));
        docs.Add(new DedupDocument("z-copy", docs[10].Text + " !!", 0));
        docs.Add(new DedupDocument("empty1", "", 0));
        docs.Add(new DedupDocument("empty2", "  ... ", 0));
        return docs;
    }

    [Fact]
    public void RemovesCopiesKeepingLowestIdAndKeepsDistinctDocuments()
    {
        var docs = Corpus();
        var result = MinHashDeduplicator.Run(docs, _dir, new MinHashOptions(), ct: TestContext.Current.CancellationToken);
        var removed = result.Decisions.Where(d => !d.Keep).ToDictionary(d => d.Id, d => d.DuplicateOf);
        Assert.Equal(new Dictionary<string, string?> { ["d005"] = "a-copy", ["z-copy"] = "d010" }, removed);
        Assert.Equal(docs.Count, result.Decisions.Count);
        Assert.Equal(docs.Select(d => d.Id), result.Decisions.Select(d => d.Id));
    }

    [Theory]
    [InlineData(KeepRule.Longest, "z-copy")]
    [InlineData(KeepRule.HighestScore, "d010")]
    public void KeepRulesChooseTheKeeper(KeepRule rule, string keeperOf10)
    {
        var docs = Corpus();
        docs[10] = docs[10] with { Score = 50 };
        var result = MinHashDeduplicator.Run(docs, _dir, new MinHashOptions { Keep = rule }, ct: TestContext.Current.CancellationToken);
        Assert.Contains(result.Decisions, d => d.Id == keeperOf10 && d.Keep);
        Assert.Equal(2, result.Decisions.Count(d => !d.Keep));
    }

    [Fact]
    public void SpillingToManySortedRunsGivesTheSameResult()
    {
        var docs = Corpus();
        var inMemory = MinHashDeduplicator.Run(docs, _dir, new MinHashOptions(), ct: TestContext.Current.CancellationToken);
        var spilled = MinHashDeduplicator.Run(docs, _dir + "-spill", new MinHashOptions { MaxEntriesInMemory = 64 }, ct: TestContext.Current.CancellationToken);
        Directory.Delete(_dir + "-spill", true);
        Assert.Equal(inMemory.Decisions, spilled.Decisions);
        Assert.Equal(inMemory.CandidatePairs, spilled.CandidatePairs);
    }

    [Fact]
    public void VerificationRejectsPairsBelowThreshold()
    {
        var docs = Corpus();
        var options = new MinHashOptions { Verify = true, Bands = new LshParameters(128, 1) };
        var result = MinHashDeduplicator.Run(docs, _dir, options, ct: TestContext.Current.CancellationToken);
        // One-row bands make almost everything sharing a word-5-gram hash minimum a candidate; verification keeps only the true copies.
        Assert.Equal(2, result.Decisions.Count(d => !d.Keep));
    }

    [Fact]
    public void CorruptedStageFileIsDetected()
    {
        var docs = Corpus();
        MinHashSignatureStage.Run(docs, _dir, new MinHashOptions(), ct: TestContext.Current.CancellationToken);
        string sig = Path.Combine(_dir, "signatures.bin");
        var bytes = File.ReadAllBytes(sig);
        bytes[100] ^= 0x40;
        File.WriteAllBytes(sig, bytes);
        var ex = Assert.Throws<InvalidDataException>(() => MinHashBucketStage.Run(_dir, new MinHashOptions(), ct: TestContext.Current.CancellationToken));
        Assert.Contains("checksum", ex.Message);
        Assert.Contains("signatures.bin", ex.Message);
    }

    [Fact]
    public void StageRefusesSignaturesMadeWithOtherSettings()
    {
        MinHashSignatureStage.Run(Corpus(), _dir, new MinHashOptions(), ct: TestContext.Current.CancellationToken);
        Assert.Throws<InvalidDataException>(() => MinHashBucketStage.Run(_dir, new MinHashOptions { NumPerm = 256 }, ct: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void SplitSignatureTasksGiveTheSameDecisionsAsOneTask()
    {
        var docs = Corpus();
        var options = new MinHashOptions();
        var single = MinHashDeduplicator.Run(docs, _dir, options, ct: TestContext.Current.CancellationToken);
        string split = _dir + "-split";
        try
        {
            int[] bounds = [0, 10, 30, docs.Count];
            // Tasks finish out of order; only the file names carry the order.
            foreach (int t in new[] { 2, 0 })
                MinHashSignatureStage.Run(docs.Skip(bounds[t]).Take(bounds[t + 1] - bounds[t]), split, options, t, 3, TestContext.Current.CancellationToken);
            var missing = Assert.Throws<FileNotFoundException>(() => MinHashBucketStage.Run(split, options, TestContext.Current.CancellationToken));
            Assert.Contains("task 1 of 3", missing.Message);
            MinHashSignatureStage.Run(docs.Skip(bounds[1]).Take(bounds[2] - bounds[1]), split, options, 1, 3, TestContext.Current.CancellationToken);
            MinHashBucketStage.Run(split, options, TestContext.Current.CancellationToken);
            MinHashClusterStage.Run(split, options, ct: TestContext.Current.CancellationToken);
            Assert.Equal(single.Decisions, MinHashFilterStage.Run(split).ToList());
        }
        finally
        {
            Directory.Delete(split, true);
        }
    }

    [Fact]
    public void SameInputSameFiles()
    {
        var docs = Corpus();
        MinHashDeduplicator.Run(docs, _dir, new MinHashOptions(), ct: TestContext.Current.CancellationToken);
        var first = File.ReadAllBytes(Path.Combine(_dir, "clusters.bin"));
        var firstSig = File.ReadAllBytes(Path.Combine(_dir, "signatures.bin"));
        MinHashDeduplicator.Run(docs, _dir, new MinHashOptions(), ct: TestContext.Current.CancellationToken);
        Assert.Equal(first, File.ReadAllBytes(Path.Combine(_dir, "clusters.bin")));
        Assert.Equal(firstSig, File.ReadAllBytes(Path.Combine(_dir, "signatures.bin")));
    }
}
