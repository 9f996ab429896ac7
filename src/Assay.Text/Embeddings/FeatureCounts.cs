namespace Assay.Text.Embeddings;

/// <summary>
/// Scratch for one document's hashed feature counts: a dense count per bucket plus the buckets
/// touched, in first-seen order (so sums over them are deterministic); <see cref="Clear"/> resets
/// only what was touched. One per thread.
/// </summary>
internal sealed class FeatureCounts(int buckets)
{
    private readonly int[] _count = new int[buckets];
    private readonly List<int> _touched = [];

    public char[] WordBuffer { get; set; } = new char[64];

    public List<int> Touched => _touched;

    /// <summary>Scratch for the embedder: (row, count) of the touched buckets that have a row.</summary>
    public List<(int Row, int Count)> Rows { get; } = [];

    public int CountOf(int bucket) => _count[bucket];

    public void Add(int bucket)
    {
        if (_count[bucket]++ == 0) _touched.Add(bucket);
    }

    public void Clear()
    {
        foreach (int b in _touched) _count[b] = 0;
        _touched.Clear();
    }
}
