using System.Numerics;

namespace Assay.Curation.Filters.Text;

/// <summary>
/// An open-addressing multiset of 64-bit keys (linear probing, power-of-two table) reused between
/// documents: far cheaper than Dictionary for the millions of n-gram lookups of the repetition rules.
/// </summary>
internal sealed class HashCounter
{
    private ulong[] _keys = new ulong[1024];
    private int[] _counts = new int[1024];
    private int _mask = 1023;
    private int _used;

    public void Reset(int expected)
    {
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, expected * 2));
        // Grow for big documents; shrink back after one so small documents don't clear a huge table.
        if (size > _keys.Length || (_keys.Length > 65_536 && _keys.Length > size * 8)) { _keys = new ulong[size]; _counts = new int[size]; }
        else
        {
            size = _keys.Length;
            Array.Clear(_keys);
        }
        _mask = size - 1;
        _used = 0;
    }

    /// <summary>Adds one occurrence and returns the slot of the key.</summary>
    public int Add(ulong key)
    {
        int slot = Find(key, out bool found);
        if (found) { _counts[slot]++; return slot; }
        _keys[slot] = key == 0 ? 1 : key;
        _counts[slot] = 1;
        if (++_used * 2 > _keys.Length) { Grow(); slot = Find(key, out _); }
        return slot;
    }

    /// <summary>Adds the key if absent; true when it was already present.</summary>
    public bool AddIfAbsent(ulong key)
    {
        int before = _used;
        Add(key);
        return _used == before;
    }

    public int CountAt(int slot) => _counts[slot];

    private int Find(ulong key, out bool found)
    {
        if (key == 0) key = 1; // 0 marks an empty slot
        int slot = (int)(Mix(key) & (ulong)_mask);
        while (true)
        {
            ulong k = _keys[slot];
            if (k == key) { found = true; return slot; }
            if (k == 0) { found = false; return slot; }
            slot = (slot + 1) & _mask;
        }
    }

    private void Grow()
    {
        var keys = _keys;
        var counts = _counts;
        _keys = new ulong[keys.Length * 2];
        _counts = new int[keys.Length * 2];
        _mask = _keys.Length - 1;
        for (int i = 0; i < keys.Length; i++)
        {
            if (keys[i] == 0) continue;
            int slot = Find(keys[i], out _);
            _keys[slot] = keys[i];
            _counts[slot] = counts[i];
        }
    }

    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        return x;
    }
}
