namespace Assay.Text.Embeddings;

/// <summary>
/// Scratch for one document's hashed feature counts: a small open-addressing table (linear probing,
/// at most half full) plus the buckets touched in first-seen order, so sums over them are
/// deterministic. Buckets are already xxHash64 output, so their low bits index the table directly.
/// A dense count per bucket would be 4 MB at 2^20 buckets and miss the cache on every feature;
/// this table holds a 1 KB document's ~1,500 features in 32 KB. One per thread.
/// </summary>
internal sealed class FeatureCounts
{
    private int[] _keys = new int[4096];   // bucket + 1; 0 = empty
    private int[] _counts = new int[4096];
    private readonly List<int> _touched = [];
    private readonly List<int> _slots = [];

    public char[] WordBuffer { get; set; } = new char[64];

    /// <summary>Distinct buckets in first-seen order.</summary>
    public List<int> Touched => _touched;

    /// <summary>Scratch for the embedder: (row, count) of the touched buckets that have a row.</summary>
    public List<(int Row, int Count)> Rows { get; } = [];

    public int CountOf(int bucket)
    {
        int mask = _keys.Length - 1;
        for (int s = bucket & mask; ; s = (s + 1) & mask)
        {
            if (_keys[s] == bucket + 1) return _counts[s];
            if (_keys[s] == 0) return 0;
        }
    }

    public void Add(int bucket)
    {
        int mask = _keys.Length - 1;
        int s = bucket & mask;
        while (true)
        {
            int k = _keys[s];
            if (k == bucket + 1) { _counts[s]++; return; }
            if (k == 0) break;
            s = (s + 1) & mask;
        }
        _keys[s] = bucket + 1;
        _counts[s] = 1;
        _slots.Add(s);
        _touched.Add(bucket);
        if (_touched.Count * 2 > _keys.Length) Grow();
    }

    private void Grow()
    {
        var oldKeys = _keys;
        var oldCounts = _counts;
        var oldSlots = _slots.ToArray();
        _keys = new int[oldKeys.Length * 2];
        _counts = new int[oldKeys.Length * 2];
        _slots.Clear();
        int mask = _keys.Length - 1;
        foreach (int o in oldSlots)
        {
            int s = (oldKeys[o] - 1) & mask;
            while (_keys[s] != 0) s = (s + 1) & mask;
            _keys[s] = oldKeys[o];
            _counts[s] = oldCounts[o];
            _slots.Add(s);
        }
    }

    public void Clear()
    {
        foreach (int s in _slots) { _keys[s] = 0; _counts[s] = 0; }
        _slots.Clear();
        _touched.Clear();
    }
}
