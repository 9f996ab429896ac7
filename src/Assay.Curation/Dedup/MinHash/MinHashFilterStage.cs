namespace Assay.Curation.Dedup;

/// <summary>Stage 4: reads <c>clusters.bin</c> and <c>docs.bin</c> and yields, in input order, whether each document is kept and which id it duplicates.</summary>
public static class MinHashFilterStage
{
    public static IEnumerable<MinHashDecision> Run(string workDir)
    {
        var table = DocTable.Read(workDir);
        using var r = new StageFileReader(Path.Combine(workDir, MinHashFiles.Clusters), MinHashFiles.ClustersMagic, MinHashFiles.Version);
        int docs = r.ReadInt32();
        if (docs != table.Count)
            throw new InvalidDataException($"{r.Path}: made for {docs} documents but the docs files list {table.Count}; rerun the cluster stage.");
        var keeper = new int[docs];
        for (int i = 0; i < docs; i++)
        {
            keeper[i] = r.ReadInt32();
            if ((uint)keeper[i] >= (uint)docs)
                throw new InvalidDataException($"{r.Path}: keeper {keeper[i]} of document {i} out of range.");
        }
        r.VerifyEnd();
        for (int i = 0; i < docs; i++)
            yield return keeper[i] == i
                ? new MinHashDecision(table.Ids[i], true, null)
                : new MinHashDecision(table.Ids[i], false, table.Ids[keeper[i]]);
    }
}
