namespace Assay.Text.LanguageModel;

/// <summary>
/// Counts highest-order n-grams in bounded memory: a chunk of at most <c>maxInMemory</c> distinct
/// n-grams is counted in a hash table, then sorted and spilled to a run file; <see cref="Merged"/>
/// k-way merges the runs, summing counts, into one sorted stream. Sentences are padded as lmplz
/// pads them: order−1 <c>&lt;s&gt;</c> in front, one <c>&lt;/s&gt;</c> behind, so every word has a
/// full-length history and n-grams that begin the sentence carry their raw counts down.
/// </summary>
internal sealed class NgramCounter : IDisposable
{
    private readonly int _order;
    private readonly int _maxInMemory;
    private readonly string _tempDir;
    private readonly List<string> _runs = [];
    private Dictionary<NgramKey, long> _chunk = [];
    private int[] _padded = new int[64];

    public NgramCounter(int order, int maxInMemory, string? tempDir)
    {
        _order = order;
        _maxInMemory = maxInMemory;
        _tempDir = Path.Combine(tempDir ?? Path.GetTempPath(), "assay-ngram-" + Guid.NewGuid().ToString("N")[..12]);
    }

    public long Tokens { get; private set; }
    public int RunCount => _runs.Count;

    /// <summary>Counts the n-grams of one sentence (word ids, no padding).</summary>
    public void AddSentence(ReadOnlySpan<int> words)
    {
        int pad = _order - 1;
        int len = pad + words.Length + 1;
        if (_padded.Length < len) _padded = new int[Math.Max(len, _padded.Length * 2)];
        var p = _padded.AsSpan(0, len);
        p[..pad].Fill(NgramVocabulary.Bos);
        words.CopyTo(p[pad..]);
        p[^1] = NgramVocabulary.Eos;
        for (int end = pad; end < len; end++)
        {
            var key = NgramKey.From(p.Slice(end - pad, _order));
            ref long c = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_chunk, key, out _);
            c++;
        }
        Tokens += words.Length + 1;
        if (_chunk.Count >= _maxInMemory) Spill();
    }

    private void Spill()
    {
        if (_chunk.Count == 0) return;
        Directory.CreateDirectory(_tempDir);
        var path = Path.Combine(_tempDir, $"run-{_runs.Count:D5}.bin");
        NgramRunFile.Write(path, _order, Sorted(_chunk));
        _runs.Add(path);
        _chunk = [];
    }

    private static IEnumerable<(NgramKey Key, long Count)> Sorted(Dictionary<NgramKey, long> chunk)
    {
        var keys = new NgramKey[chunk.Count];
        var counts = new long[chunk.Count];
        int i = 0;
        foreach (var (k, c) in chunk) { keys[i] = k; counts[i] = c; i++; }
        Array.Sort(keys, counts);
        for (i = 0; i < keys.Length; i++) yield return (keys[i], counts[i]);
    }

    /// <summary>Every distinct highest-order n-gram once, in key order, with its total count.</summary>
    public IEnumerable<(NgramKey Key, long Count)> Merged()
    {
        if (_runs.Count == 0)
        {
            foreach (var e in Sorted(_chunk)) yield return e;
            yield break;
        }
        Spill();
        var readers = _runs.Select(r => new NgramRunFile.Reader(r, _order)).ToList();
        try
        {
            var heap = new PriorityQueue<int, NgramKey>(readers.Count);
            for (int i = 0; i < readers.Count; i++)
                if (readers[i].MoveNext()) heap.Enqueue(i, readers[i].Key);
            bool have = false;
            NgramKey current = default;
            long total = 0;
            while (heap.TryDequeue(out int r, out var key))
            {
                if (have && key.Equals(current)) total += readers[r].Count;
                else
                {
                    if (have) yield return (current, total);
                    current = key; total = readers[r].Count; have = true;
                }
                if (readers[r].MoveNext()) heap.Enqueue(r, readers[r].Key);
            }
            if (have) yield return (current, total);
        }
        finally
        {
            foreach (var r in readers) r.Dispose();
        }
    }

    public void Dispose()
    {
        _chunk = [];
        if (Directory.Exists(_tempDir)) Directory.Delete(_tempDir, recursive: true);
    }
}
