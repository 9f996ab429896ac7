using Assay.Core.Hashing;

namespace Assay.Core.Records;

/// <summary>
/// Detects duplicate ids in bounded memory: 16 bytes per id (two independent xxHash64s), so a
/// false duplicate needs a 128-bit collision. Not thread-safe: one guard per reading task.
/// </summary>
public sealed class IdGuard
{
    private readonly HashSet<UInt128> _seen = new();
    private readonly Dictionary<UInt128, IdLocation> _where = new();

    /// <summary>
    /// Returns null when new, or where the id was first seen ("earlier" past the first million ids,
    /// whose locations are not kept). Locations are stored unformatted: formatting happens only for a duplicate.
    /// </summary>
    public IdLocation? Add(string id, IdLocation where)
    {
        var key = new UInt128(XxHash64.HashString(id, 0x9E3779B97F4A7C15UL), XxHash64.HashString(id));
        if (_seen.Add(key)) { if (_where.Count < 1_000_000) _where[key] = where; return null; }
        return _where.TryGetValue(key, out var w) ? w : default(IdLocation);
    }

    public long Count => _seen.Count;
}
