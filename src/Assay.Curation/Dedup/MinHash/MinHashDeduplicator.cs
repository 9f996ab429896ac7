namespace Assay.Curation.Dedup;

/// <summary>Runs the four MinHash-LSH stages in one work directory (each stage can also be run on its own).</summary>
public static class MinHashDeduplicator
{
    public static MinHashResult Run(IReadOnlyList<DedupDocument> documents, string workDir, MinHashOptions options, CancellationToken ct = default)
    {
        Directory.CreateDirectory(workDir);
        MinHashSignatureStage.Run(documents, workDir, options, ct);
        long pairs = MinHashBucketStage.Run(workDir, options, ct);
        var stats = MinHashClusterStage.Run(workDir, options, options.Verify ? i => documents[i].Text : null, ct);
        var decisions = MinHashFilterStage.Run(workDir).ToList();
        return new MinHashResult(options.ResolveBands(), pairs, stats, decisions);
    }
}
