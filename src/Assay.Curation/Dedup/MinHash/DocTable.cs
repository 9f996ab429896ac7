namespace Assay.Curation.Dedup;

/// <summary>What the later stages need to know about each document: id, text length and score, by input order.</summary>
internal sealed class DocTable
{
    public DocTable(string[] ids, long[] lengths, double[] scores)
    {
        Ids = ids;
        Lengths = lengths;
        Scores = scores;
    }

    public string[] Ids { get; }

    public long[] Lengths { get; }

    public double[] Scores { get; }

    public int Count => Ids.Length;

    /// <summary>All signature-stage parts' document entries, in task order.</summary>
    public static DocTable Read(string workDir)
    {
        var ids = new List<string>();
        var lengths = new List<long>();
        var scores = new List<double>();
        foreach (var (_, docs) in MinHashFiles.Parts(workDir))
        {
            using var r = new StageFileReader(docs, MinHashFiles.DocsMagic, MinHashFiles.Version);
            while (!r.AtEnd)
            {
                ids.Add(r.ReadString());
                lengths.Add(r.ReadInt64());
                scores.Add(r.ReadDouble());
            }
            r.VerifyEnd();
        }
        return new DocTable([.. ids], [.. lengths], [.. scores]);
    }

    /// <summary>True when document <paramref name="x"/> should be kept over <paramref name="y"/>.</summary>
    public bool Prefer(int x, int y, KeepRule rule)
    {
        switch (rule)
        {
            case KeepRule.Longest when Lengths[x] != Lengths[y]:
                return Lengths[x] > Lengths[y];
            case KeepRule.HighestScore when Scores[x] != Scores[y]:
                return Scores[x] > Scores[y];
        }
        int c = string.CompareOrdinal(Ids[x], Ids[y]);
        return c != 0 ? c < 0 : x < y;
    }
}
