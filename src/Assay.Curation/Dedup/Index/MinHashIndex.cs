namespace Assay.Curation.Dedup;

/// <summary>
/// LSH band keys of kept records with their ids: the persisted index of MinHash dedup (format in
/// <see cref="DedupIndexFiles"/>). A new record sharing any band key with an indexed one is a
/// candidate duplicate of it, exactly as two records sharing a bucket are within a run.
/// </summary>
public sealed class MinHashIndex
{
    private readonly Dictionary<(int Band, ulong Key), string> _ids;
    private readonly LshParameters _bands;

    private MinHashIndex(Dictionary<(int, ulong), string> ids, LshParameters bands)
    {
        _ids = ids;
        _bands = bands;
    }

    public int Count => _ids.Count;

    /// <summary>Writes the band keys of the records <paramref name="decisions"/> keep, reading their signatures from the run's work folder.</summary>
    internal static int Write(string dir, string workDir, MinHashOptions options, IReadOnlyList<MinHashDecision> decisions, CancellationToken ct)
    {
        var bands = options.ResolveBands();
        var ids = new Dictionary<(int, ulong), string>();
        foreach (var (doc, sig) in MinHashFiles.ReadSignatures(workDir, options, ct))
        {
            if (doc >= decisions.Count)
                throw new InvalidDataException($"{workDir}: more signatures than the {decisions.Count} decisions; rerun the stages.");
            if (!decisions[doc].Keep || sig.AsSpan().IndexOfAnyExcept(ulong.MaxValue) < 0)
                continue;
            string id = decisions[doc].Id;
            for (int b = 0; b < bands.Bands; b++)
            {
                var key = (b, MinHashBucketStage.BandKey(sig, b, bands.Rows));
                if (!ids.TryGetValue(key, out string? had) || string.CompareOrdinal(id, had) < 0)
                    ids[key] = id;
            }
        }
        Directory.CreateDirectory(dir);
        using var w = new StageFileWriter(Path.Combine(dir, DedupIndexFiles.MinHash), DedupIndexFiles.MinHashMagic, DedupIndexFiles.Version);
        w.WriteInt32(options.NumPerm);
        w.WriteUInt64(options.Seed);
        w.WriteInt32(options.NGram);
        w.WriteInt32(bands.Bands);
        w.WriteInt32(bands.Rows);
        w.WriteInt32(ids.Count);
        foreach (var ((band, key), id) in ids.OrderBy(e => e.Key))
        {
            w.WriteInt32(band);
            w.WriteUInt64(key);
            w.WriteString(id);
        }
        w.Complete();
        return ids.Count;
    }

    /// <summary>Loads the MinHash index of every folder; each must have been built with the same permutations, seed, n-gram size and banding as <paramref name="options"/>.</summary>
    public static MinHashIndex Load(IEnumerable<string> dirs, MinHashOptions options)
    {
        var bands = options.ResolveBands();
        var ids = new Dictionary<(int, ulong), string>();
        foreach (string dir in dirs)
        {
            using var r = new StageFileReader(DedupIndexFiles.Find(dir, DedupIndexFiles.MinHash), DedupIndexFiles.MinHashMagic, DedupIndexFiles.Version);
            int numPerm = r.ReadInt32();
            ulong seed = r.ReadUInt64();
            int ngram = r.ReadInt32(), b = r.ReadInt32(), rows = r.ReadInt32();
            if (numPerm != options.NumPerm || seed != options.Seed || ngram != options.NGram || b != bands.Bands || rows != bands.Rows)
                throw new InvalidDataException($"{r.Path}: built with num_perm={numPerm}, seed={seed}, ngram={ngram}, bands={b}, rows={rows}; this run uses num_perm={options.NumPerm}, seed={options.Seed}, ngram={options.NGram}, bands={bands.Bands}, rows={bands.Rows}. Rerun with the index's settings.");
            int count = r.ReadInt32();
            for (int i = 0; i < count; i++)
            {
                var key = (r.ReadInt32(), r.ReadUInt64());
                string id = r.ReadString();
                if (!ids.TryGetValue(key, out string? had) || string.CompareOrdinal(id, had) < 0)
                    ids[key] = id;
            }
            r.VerifyEnd();
        }
        return new MinHashIndex(ids, bands);
    }

    /// <summary>
    /// Applies the index to a run's decisions: a cluster of the new corpus (a kept record and the
    /// records removed as its duplicates) with any member sharing a band key with an indexed record
    /// is removed whole, as a duplicate of the lowest such indexed id in ordinal order — the earlier
    /// corpus always wins and its decisions never change. Returns decisions in the same order.
    /// </summary>
    internal List<MinHashDecision> Apply(string workDir, MinHashOptions options, IReadOnlyList<MinHashDecision> decisions, CancellationToken ct)
    {
        var match = new Dictionary<string, string>(StringComparer.Ordinal); // cluster keeper id → indexed id
        foreach (var (doc, sig) in MinHashFiles.ReadSignatures(workDir, options, ct))
        {
            if (sig.AsSpan().IndexOfAnyExcept(ulong.MaxValue) < 0)
                continue;
            string? best = null;
            for (int b = 0; b < _bands.Bands; b++)
            {
                if (_ids.TryGetValue((b, MinHashBucketStage.BandKey(sig, b, _bands.Rows)), out string? id) && (best is null || string.CompareOrdinal(id, best) < 0))
                    best = id;
            }
            if (best is null)
                continue;
            string keeper = decisions[doc].DuplicateOf ?? decisions[doc].Id;
            if (!match.TryGetValue(keeper, out string? had) || string.CompareOrdinal(best, had) < 0)
                match[keeper] = best;
        }
        return decisions.Select(d => match.TryGetValue(d.DuplicateOf ?? d.Id, out string? old) ? new MinHashDecision(d.Id, false, old) : d).ToList();
    }
}
