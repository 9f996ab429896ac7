using System.Numerics;

namespace Assay.Curation.Filters.Text;

/// <summary>
/// An open-addressing set of 64-bit hash keys (8 bytes a slot, half the footprint of <see cref="HashCounter"/>),
/// reused between documents; only the slots in use are cleared.
/// </summary>
internal sealed class HashKeySet
{
    private ulong[] _keys = new ulong[1024];
    private int _mask = 1023;
    private int _used;

    public void Reset(int expected)
    {
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, expected * 2));
        if (size > _keys.Length || _keys.Length > (1 << 23)) _keys = new ulong[size];
        else Array.Clear(_keys, 0, size);
        _mask = size - 1;
        _used = 0;
    }

    /// <summary>Adds the key; false when it was already present.</summary>
    public bool Add(ulong key)
    {
        if (key == 0) key = 1; // 0 marks an empty slot
        var keys = _keys;
        int slot = (int)(key ^ (key >> 29)) & _mask;
        while (true)
        {
            ulong k = keys[slot];
            if (k == key) return false;
            if (k == 0)
            {
                keys[slot] = key;
                if (++_used * 2 > _mask + 1) Grow();
                return true;
            }
            slot = (slot + 1) & _mask;
        }
    }

    private void Grow()
    {
        var old = _keys.AsSpan(0, _mask + 1).ToArray();
        int size = (_mask + 1) * 2;
        if (size > _keys.Length) _keys = new ulong[size];
        else Array.Clear(_keys, 0, size);
        _mask = size - 1;
        foreach (ulong k in old)
        {
            if (k == 0) continue;
            int slot = (int)(k ^ (k >> 29)) & _mask;
            while (_keys[slot] != 0) slot = (slot + 1) & _mask;
            _keys[slot] = k;
        }
    }
}
