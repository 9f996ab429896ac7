namespace Assay.Curation.Dedup;

/// <summary>Names, magics and versions of the files passed between the MinHash stages.</summary>
internal static class MinHashFiles
{
    public const int Version = 1;

    public const string Docs = "docs.bin";
    public const string DocsMagic = "ASYDOCS1";

    public const string Signatures = "signatures.bin";
    public const string SignaturesMagic = "ASYMHSIG";

    public const string Pairs = "pairs.bin";
    public const string PairsMagic = "ASYPAIRS";

    public const string Clusters = "clusters.bin";
    public const string ClustersMagic = "ASYCLUST";

    public const string RunMagic = "ASYBKRUN";
}
