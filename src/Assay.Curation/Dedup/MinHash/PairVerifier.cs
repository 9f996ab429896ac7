namespace Assay.Curation.Dedup;

/// <summary>Exact shingle-set Jaccard of candidate pairs, with a small cache since a bucket's first document is compared with every other member.</summary>
internal sealed class PairVerifier
{
    private readonly Func<int, string> _textOf;
    private readonly MinHashOptions _options;
    private readonly NormalizedWords _words = new();
    private readonly Dictionary<int, HashSet<ulong>> _cache = [];

    public PairVerifier(Func<int, string> textOf, MinHashOptions options)
    {
        _textOf = textOf;
        _options = options;
    }

    public bool Similar(int a, int b) => Shingles.Jaccard(Set(a), Set(b)) >= _options.Threshold;

    private HashSet<ulong> Set(int doc)
    {
        if (_cache.TryGetValue(doc, out var set))
            return set;
        if (_cache.Count >= 1024)
            _cache.Clear();
        _words.Load(_textOf(doc));
        set = Shingles.Set(_words, _options.NGram, _options.Seed);
        _cache[doc] = set;
        return set;
    }
}
