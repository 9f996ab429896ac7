namespace Assay.Curation.Dedup;

/// <summary>
/// Stage 1: normalize, shingle and MinHash every document, in input order (document index = position).
/// Writes <c>docs.bin</c> (id, text length, score per document) and <c>signatures.bin</c>
/// (num_perm, seed, n-gram, then num_perm × uint64 per document). Memory: one document at a time.
/// Split work (datatrove style): task i of N signs its share of the input and writes
/// <c>signatures-i-of-N.bin</c> / <c>docs-i-of-N.bin</c>; later stages read the parts in task
/// order, so document indices are global and the result equals a single-task run over the
/// concatenated input.
/// </summary>
public static class MinHashSignatureStage
{
    public static int Run(IEnumerable<DedupDocument> documents, string workDir, MinHashOptions options, CancellationToken ct = default) =>
        Run(documents, workDir, options, 0, 1, ct);

    public static int Run(IEnumerable<DedupDocument> documents, string workDir, MinHashOptions options, int task, int tasks, CancellationToken ct = default)
    {
        options.Validate();
        if (tasks < 1 || task < 0 || task >= tasks)
            throw new ArgumentOutOfRangeException(nameof(task), $"task {task} of {tasks}");
        var (sigName, docsName) = MinHashFiles.Part(task, tasks);
        var hasher = new MinHasher(options.NumPerm, options.Seed);
        var words = new NormalizedWords();
        ulong[] hashes = new ulong[1024];
        ulong[] signature = new ulong[options.NumPerm];
        using var docs = new StageFileWriter(Path.Combine(workDir, docsName), MinHashFiles.DocsMagic, MinHashFiles.Version);
        using var sigs = new StageFileWriter(Path.Combine(workDir, sigName), MinHashFiles.SignaturesMagic, MinHashFiles.Version);
        sigs.WriteInt32(options.NumPerm);
        sigs.WriteUInt64(options.Seed);
        sigs.WriteInt32(options.NGram);
        int n = 0;
        foreach (var doc in documents)
        {
            ct.ThrowIfCancellationRequested();
            words.Load(doc.Text);
            int count = Shingles.Hash(words, options.NGram, options.Seed, ref hashes);
            hasher.Compute(hashes.AsSpan(0, count), signature);
            sigs.WriteUInt64s(signature);
            docs.WriteString(doc.Id);
            docs.WriteInt64(doc.Text.Length);
            docs.WriteDouble(doc.Score);
            n++;
        }
        sigs.Complete();
        docs.Complete();
        return n;
    }
}
