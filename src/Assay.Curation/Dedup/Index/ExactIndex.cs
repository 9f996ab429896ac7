namespace Assay.Curation.Dedup;

/// <summary>Normalized-text keys of kept records with their ids: the persisted index of exact dedup (format in <see cref="DedupIndexFiles"/>).</summary>
public sealed class ExactIndex
{
    private readonly Dictionary<(ulong, ulong), string> _ids;

    private ExactIndex(Dictionary<(ulong, ulong), string> ids) => _ids = ids;

    public int Count => _ids.Count;

    /// <summary>The indexed id with this key, or null.</summary>
    internal string? Find((ulong, ulong) key) => _ids.GetValueOrDefault(key);

    internal static void Write(string dir, IEnumerable<((ulong, ulong) Key, string Id)> entries)
    {
        Directory.CreateDirectory(dir);
        var sorted = entries.OrderBy(e => e.Key).ToList();
        using var w = new StageFileWriter(Path.Combine(dir, DedupIndexFiles.Exact), DedupIndexFiles.ExactMagic, DedupIndexFiles.Version);
        w.WriteInt32(sorted.Count);
        foreach (var ((k1, k2), id) in sorted)
        {
            w.WriteUInt64(k1);
            w.WriteUInt64(k2);
            w.WriteString(id);
        }
        w.Complete();
    }

    /// <summary>Loads the exact index of every folder; a key in several keeps the first folder's id.</summary>
    public static ExactIndex Load(IEnumerable<string> dirs)
    {
        var ids = new Dictionary<(ulong, ulong), string>();
        foreach (string dir in dirs)
        {
            using var r = new StageFileReader(DedupIndexFiles.Find(dir, DedupIndexFiles.Exact), DedupIndexFiles.ExactMagic, DedupIndexFiles.Version);
            int count = r.ReadInt32();
            for (int i = 0; i < count; i++)
            {
                var key = (r.ReadUInt64(), r.ReadUInt64());
                ids.TryAdd(key, r.ReadString());
            }
            r.VerifyEnd();
        }
        return new ExactIndex(ids);
    }
}
