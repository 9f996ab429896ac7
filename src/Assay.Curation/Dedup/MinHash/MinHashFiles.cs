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

    /// <summary>Names of the signature-stage outputs of task <paramref name="task"/> of <paramref name="tasks"/>.</summary>
    public static (string Signatures, string Docs) Part(int task, int tasks) =>
        tasks == 1 ? (Signatures, Docs) : ($"signatures-{task:D5}-of-{tasks:D5}.bin", $"docs-{task:D5}-of-{tasks:D5}.bin");

    /// <summary>
    /// The signature-stage parts in task order: the single-task pair, or every part of an i-of-N
    /// split — all N must be present (a missing part means that task has not finished).
    /// </summary>
    public static List<(string Signatures, string Docs)> Parts(string workDir)
    {
        var found = Directory.Exists(workDir)
            ? Directory.EnumerateFiles(workDir, "signatures-*-of-*.bin").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()
            : [];
        if (File.Exists(Path.Combine(workDir, Signatures)))
        {
            if (found.Count > 0)
                throw new InvalidDataException($"{workDir}: holds both {Signatures} and split signature parts from different runs; empty the work folder and rerun.");
            return [(Path.Combine(workDir, Signatures), Path.Combine(workDir, Docs))];
        }
        if (found.Count == 0)
            throw new FileNotFoundException($"{workDir}: no {Signatures} and no signatures-*-of-*.bin; run the signature stage first.");
        int tasks = int.Parse(found[0]![^9..^4], System.Globalization.CultureInfo.InvariantCulture);
        var parts = new List<(string, string)>(tasks);
        for (int t = 0; t < tasks; t++)
        {
            var (sig, docs) = Part(t, tasks);
            if (!File.Exists(Path.Combine(workDir, sig)) || !File.Exists(Path.Combine(workDir, docs)))
                throw new FileNotFoundException($"{workDir}: signature task {t} of {tasks} has not finished ({sig} or {docs} missing).");
            parts.Add((Path.Combine(workDir, sig), Path.Combine(workDir, docs)));
        }
        return parts;
    }

    /// <summary>
    /// Every document's signature from the signature-stage parts, in task order, with its global
    /// index; checks the parts were made with <paramref name="options"/>' permutations, seed and
    /// n-gram size. The array is reused between documents.
    /// </summary>
    public static IEnumerable<(int Doc, ulong[] Signature)> ReadSignatures(string workDir, MinHashOptions options, CancellationToken ct)
    {
        ulong[] sig = new ulong[options.NumPerm];
        int docs = 0;
        foreach (var (sigPath, _) in Parts(workDir))
        {
            using var reader = new StageFileReader(sigPath, SignaturesMagic, Version);
            int numPerm = reader.ReadInt32();
            ulong seed = reader.ReadUInt64();
            int ngram = reader.ReadInt32();
            if (numPerm != options.NumPerm || seed != options.Seed || ngram != options.NGram)
                throw new InvalidDataException($"{reader.Path}: signatures were made with num_perm={numPerm}, seed={seed}, ngram={ngram} but this run asks for num_perm={options.NumPerm}, seed={options.Seed}, ngram={options.NGram}; rerun the signature stage.");
            long bytesPerDoc = 8L * numPerm;
            if ((reader.PayloadLength - 16) % bytesPerDoc != 0)
                throw new InvalidDataException($"{reader.Path}: payload is not a whole number of signatures.");
            int partDocs = checked((int)((reader.PayloadLength - 16) / bytesPerDoc));
            for (int local = 0; local < partDocs; local++, docs++)
            {
                if ((docs & 1023) == 0)
                    ct.ThrowIfCancellationRequested();
                reader.ReadUInt64s(sig);
                yield return (docs, sig);
            }
            reader.VerifyEnd();
        }
    }
}
