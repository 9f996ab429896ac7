namespace Assay.Curation.Dedup;

/// <summary>
/// The files of a persisted dedup index (<c>assay dedup --index DIR</c>; read back with
/// <c>--against DIR</c>). Both are stage files (<see cref="StageFileWriter"/>: 8-byte ASCII magic,
/// int32 version, payload, footer with payload length and a chained xxHash64 checksum), all numbers
/// little-endian, strings as int32 UTF-8 length + bytes.
/// <list type="bullet">
/// <item><c>DIR/exact.idx</c>, magic <c>ASYIXEXA</c>: int32 count, then count × (uint64 key1,
/// uint64 key2, string id), sorted by key — the 128-bit normalized-text key of every kept record
/// (<see cref="ExactDeduplicator"/>) and that record's id.</item>
/// <item><c>DIR/minhash.idx</c>, magic <c>ASYIXMHS</c>: int32 num_perm, uint64 seed, int32 n-gram,
/// int32 bands, int32 rows (an index is only usable by a run with the same five), int32 count,
/// then count × (int32 band, uint64 bucket key, string id) sorted by (band, key): every LSH band
/// key of every kept record with shingles; where kept records share a key, the lowest id in
/// ordinal order.</item>
/// </list>
/// Both hold only records this run kept; to dedup against several earlier runs pass each index.
/// </summary>
internal static class DedupIndexFiles
{
    public const int Version = 1;

    public const string Exact = "exact.idx";
    public const string ExactMagic = "ASYIXEXA";

    public const string MinHash = "minhash.idx";
    public const string MinHashMagic = "ASYIXMHS";

    /// <summary>The index file of <paramref name="name"/> inside <paramref name="dir"/>, with a hint when the folder holds the other kind.</summary>
    public static string Find(string dir, string name)
    {
        string path = Path.Combine(dir, name);
        if (File.Exists(path))
            return path;
        string other = name == Exact ? MinHash : Exact;
        throw new FileNotFoundException(File.Exists(Path.Combine(dir, other))
            ? $"{dir}: holds {other}, not {name}; dedup against it with the method that built it."
            : $"{dir}: no {name}; build it with 'assay dedup --index {dir}'.");
    }
}
