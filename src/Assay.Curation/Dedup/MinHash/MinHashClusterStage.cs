namespace Assay.Curation.Dedup;

/// <summary>
/// Stage 3: union-find over the candidate pairs (optionally keeping only pairs whose true shingle
/// Jaccard reaches the threshold), then one keeper per cluster by the keep rule. Writes
/// <c>clusters.bin</c>: for every document the index of its cluster's keeper (itself when kept).
/// Memory: O(documents) — the ids, lengths and scores plus two ints per document.
/// Verification sees the bucket stage's star pairs (first member, other member), so a member is
/// checked against its bucket's first document only; a true duplicate of another member that
/// falls below the threshold against the first one stays unmerged unless another band links it.
/// </summary>
public static class MinHashClusterStage
{
    /// <param name="textOf">Text of a document by input index; required when <see cref="MinHashOptions.Verify"/> is set.</param>
    public static MinHashClusterStats Run(string workDir, MinHashOptions options, Func<int, string>? textOf = null, CancellationToken ct = default)
    {
        options.Validate();
        if (options.Verify && textOf is null)
            throw new ArgumentException("Verification needs the documents' texts (textOf).", nameof(textOf));
        var table = DocTable.Read(workDir);
        using var reader = new StageFileReader(Path.Combine(workDir, MinHashFiles.Pairs), MinHashFiles.PairsMagic, MinHashFiles.Version);
        int docs = reader.ReadInt32();
        if (docs != table.Count)
            throw new InvalidDataException($"{reader.Path}: made for {docs} documents but the docs files list {table.Count}; rerun the bucket stage.");
        var uf = new UnionFind(docs);
        var verifier = options.Verify ? new PairVerifier(textOf!, options) : null;
        long candidates = 0, rejected = 0;
        while (!reader.AtEnd)
        {
            int a = reader.ReadInt32(), b = reader.ReadInt32();
            if ((uint)a >= (uint)docs || (uint)b >= (uint)docs)
                throw new InvalidDataException($"{reader.Path}: pair ({a}, {b}) out of range for {docs} documents.");
            if ((++candidates & 4095) == 0)
                ct.ThrowIfCancellationRequested();
            if (uf.Find(a) == uf.Find(b))
                continue;
            if (verifier is not null && !verifier.Similar(a, b))
            {
                rejected++;
                continue;
            }
            uf.Union(a, b);
        }
        reader.VerifyEnd();

        var keeper = new int[docs];
        for (int i = 0; i < docs; i++)
            keeper[i] = -1;
        for (int i = 0; i < docs; i++)
        {
            int root = uf.Find(i);
            if (keeper[root] < 0 || table.Prefer(i, keeper[root], options.Keep))
                keeper[root] = i;
        }
        int clusters = 0, removed = 0;
        using var w = new StageFileWriter(Path.Combine(workDir, MinHashFiles.Clusters), MinHashFiles.ClustersMagic, MinHashFiles.Version);
        w.WriteInt32(docs);
        var sizes = new int[docs];
        for (int i = 0; i < docs; i++)
            sizes[uf.Find(i)]++;
        for (int i = 0; i < docs; i++)
        {
            int k = keeper[uf.Find(i)];
            w.WriteInt32(k);
            if (k != i)
                removed++;
            else if (sizes[uf.Find(i)] > 1)
                clusters++;
        }
        w.Complete();
        return new MinHashClusterStats(docs, candidates, rejected, clusters, removed);
    }
}
