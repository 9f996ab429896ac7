using System.Numerics;
using System.Runtime.CompilerServices;

namespace Assay.Curation.Filters.Text;

/// <summary>
/// An open-addressing multiset of 64-bit hash keys (linear probing, power-of-two table, one 16-byte entry
/// per key so a probe touches one cache line) reused between documents: far cheaper than Dictionary for
/// the many n-gram lookups of the repetition rules. Keys are hashes already, so their low bits index the table.
/// Each entry remembers the position of the key's first occurrence (insertion order).
/// </summary>
internal sealed class HashCounter
{
    private struct Entry
    {
        public ulong Key;  // 0 marks an empty slot
        public int Count;
        public int First;
    }

    private Entry[] _entries = new Entry[1024];
    private int _mask = 1023;
    private int _used;

    public void Reset(int expected)
    {
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, expected * 2));
        // Only the first `size` entries are used and cleared, so a table grown by one big document
        // costs small documents nothing; very large tables are dropped.
        if (size > _entries.Length || _entries.Length > (1 << 22)) _entries = new Entry[size];
        else Array.Clear(_entries, 0, size);
        _mask = size - 1;
        _used = 0;
    }

    /// <summary>Adds one occurrence (at <paramref name="position"/>); returns the new count and the key's first position.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Add(ulong key, int position, out int first)
    {
        if (key == 0) key = 1;
        var entries = _entries;
        int slot = (int)(key ^ (key >> 29)) & _mask;
        while (true)
        {
            ref var e = ref entries[slot];
            if (e.Key == key) { first = e.First; return ++e.Count; }
            if (e.Key == 0)
            {
                e.Key = key;
                e.Count = 1;
                e.First = position;
                first = position;
                if (++_used * 2 > _mask + 1) Grow();
                return 1;
            }
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Adds one occurrence and returns the key's slot, valid until the table grows (it doesn't while size ≤ expected).</summary>
    public int AddSlot(ulong key)
    {
        if (key == 0) key = 1;
        int slot = (int)(key ^ (key >> 29)) & _mask;
        while (true)
        {
            ref var e = ref _entries[slot];
            if (e.Key == key) { e.Count++; return slot; }
            if (e.Key == 0)
            {
                e.Key = key;
                e.Count = 1;
                if (++_used * 2 > _mask + 1) throw new InvalidOperationException("HashCounter.AddSlot: more keys than the expected count given to Reset.");
                return slot;
            }
            slot = (slot + 1) & _mask;
        }
    }

    public int CountAt(int slot) => _entries[slot].Count;

    private void Grow()
    {
        var old = _entries.AsSpan(0, _mask + 1).ToArray();
        int size = (_mask + 1) * 2;
        if (size > _entries.Length) _entries = new Entry[size];
        else Array.Clear(_entries, 0, size);
        _mask = size - 1;
        foreach (var e in old)
        {
            if (e.Key == 0) continue;
            int slot = (int)(e.Key ^ (e.Key >> 29)) & _mask;
            while (_entries[slot].Key != 0) slot = (slot + 1) & _mask;
            _entries[slot] = e;
        }
    }
}
