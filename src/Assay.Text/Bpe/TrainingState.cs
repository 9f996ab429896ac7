namespace Assay.Text.Bpe;

/// <summary>The mutable state of one <see cref="BpeTrainer"/> run: words as symbol arrays, pair counts, the heap.</summary>
internal sealed class TrainingState
{
    private readonly List<int[]> _words;
    private readonly List<long> _wordCounts;
    private readonly Dictionary<long, long> _pairCounts = [];
    private readonly Dictionary<long, List<int>> _pairWords = [];   // may hold stale or repeated word indices
    private readonly PriorityQueue<long, PairPriority> _heap = new(PairPriority.Comparer);
    private readonly Dictionary<string, int> _idOfBytes = new(StringComparer.Ordinal);
    private readonly int[] _visited;

    public List<byte[]> Tokens { get; } = [];

    public TrainingState(List<int[]> words, List<long> wordCounts)
    {
        _words = words;
        _wordCounts = wordCounts;
        _visited = new int[words.Count];
        for (var b = 0; b < 256; b++) AddToken([(byte)b]);
        for (var w = 0; w < words.Count; w++)
        {
            var s = words[w];
            for (var i = 0; i + 1 < s.Length; i++)
            {
                var key = Key(s[i], s[i + 1]);
                _pairCounts[key] = _pairCounts.GetValueOrDefault(key) + wordCounts[w];
                PairWords(key).Add(w);
            }
        }
        foreach (var (key, count) in _pairCounts) Push(key, count);
    }

    public List<BpeMerge> Run(int vocabSize, IProgress<int>? progress, CancellationToken ct)
    {
        var merges = new List<BpeMerge>();
        var delta = new Dictionary<long, long>();
        var step = 0;
        while (Tokens.Count < vocabSize && TryPopBest(out var pair, out var count))
        {
            ct.ThrowIfCancellationRequested();
            step++;
            var left = (int)(pair >> 32);
            var right = (int)(uint)pair;
            var merged = new byte[Tokens[left].Length + Tokens[right].Length];
            Tokens[left].CopyTo(merged, 0);
            Tokens[right].CopyTo(merged, Tokens[left].Length);
            // The same bytes can arise from a different split (ab+c vs a+bc): reuse that token's id.
            var id = _idOfBytes.TryGetValue(Latin1(merged), out var existing) ? existing : AddToken(merged);
            merges.Add(new BpeMerge(left, right, id, count));

            delta.Clear();
            foreach (var w in _pairWords[pair])
            {
                if (_visited[w] == step) continue;
                _visited[w] = step;
                MergeInWord(w, left, right, id, delta);
            }
            _pairWords.Remove(pair);
            foreach (var (key, d) in delta)
            {
                if (d == 0) continue;
                var c = _pairCounts.GetValueOrDefault(key) + d;
                if (c <= 0) _pairCounts.Remove(key);
                else { _pairCounts[key] = c; Push(key, c); }
            }
            if (merges.Count % 256 == 0) progress?.Report(merges.Count);
        }
        progress?.Report(merges.Count);
        return merges;
    }

    private void MergeInWord(int w, int left, int right, int id, Dictionary<long, long> delta)
    {
        var s = _words[w];
        var found = false;
        for (var i = 0; i + 1 < s.Length && !found; i++) found = s[i] == left && s[i + 1] == right;
        if (!found) return;   // a stale index: an earlier merge already took the pair out of this word

        var weight = _wordCounts[w];
        for (var i = 0; i + 1 < s.Length; i++) Add(delta, Key(s[i], s[i + 1]), -weight);
        var result = new List<int>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (i + 1 < s.Length && s[i] == left && s[i + 1] == right) { result.Add(id); i++; }
            else result.Add(s[i]);
        }
        var t = result.ToArray();
        for (var i = 0; i + 1 < t.Length; i++)
        {
            var key = Key(t[i], t[i + 1]);
            Add(delta, key, weight);
            if (t[i] == id || t[i + 1] == id) PairWords(key).Add(w);
        }
        _words[w] = t;
    }

    private bool TryPopBest(out long pair, out long count)
    {
        while (_heap.TryDequeue(out pair, out var p))
        {
            // Entries are pushed on every count change; only the one matching the current count is live.
            if (_pairCounts.TryGetValue(pair, out count) && count == p.Count)
                return count >= BpeTrainer.MinPairCount;
        }
        count = 0;
        return false;
    }

    private int AddToken(byte[] bytes)
    {
        _idOfBytes.Add(Latin1(bytes), Tokens.Count);
        Tokens.Add(bytes);
        return Tokens.Count - 1;
    }

    private List<int> PairWords(long key)
    {
        if (!_pairWords.TryGetValue(key, out var list)) _pairWords[key] = list = [];
        return list;
    }

    private void Push(long key, long count) =>
        _heap.Enqueue(key, new PairPriority(count, (int)(key >> 32), (int)(uint)key));

    private static void Add(Dictionary<long, long> d, long key, long v) => d[key] = d.GetValueOrDefault(key) + v;

    private static long Key(int left, int right) => ((long)left << 32) | (uint)right;

    private static string Latin1(byte[] b) => System.Text.Encoding.Latin1.GetString(b);
}
