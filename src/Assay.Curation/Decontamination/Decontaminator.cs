using System.Runtime.InteropServices;
using Assay.Core.Hashing;
using Assay.Curation.Dedup;

namespace Assay.Curation.Decontamination;

/// <summary>
/// Indexes the n-grams of one or more benchmarks, then scans training documents one at a time.
/// Both sides go through the dedup normalization (<see cref="NormalizedWords"/>: letters and
/// numbers only, lowercased), so benchmark text re-wrapped into short lines, re-cased or
/// re-punctuated still matches. Memory is proportional to the benchmarks, not the training set.
/// Not thread-safe: one instance per scanning thread (merge results by item).
/// </summary>
public sealed class Decontaminator
{
    private const ulong Seed = 0;
    private readonly DecontaminationOptions _options;
    private readonly List<(string Benchmark, BenchmarkItem Item, int Words)> _items = [];
    // n-gram (or whole short item) hash → items containing it, keyed by window length.
    private readonly Dictionary<int, Dictionary<ulong, List<int>>> _match = [];
    // overlap-n-gram hash → (item, first word position) occurrences, keyed by window length.
    private readonly Dictionary<int, Dictionary<ulong, List<(int Item, int Pos)>>> _overlap = [];
    private readonly bool[][] _covered;
    private readonly List<string>[] _ids;
    private readonly long[] _matches;
    private readonly NormalizedWords _words = new();
    private readonly HashSet<int> _hitItems = [];

    public Decontaminator(IReadOnlyDictionary<string, IReadOnlyList<BenchmarkItem>> benchmarks, DecontaminationOptions options)
    {
        options.Validate();
        _options = options;
        foreach (var (name, items) in benchmarks.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            foreach (var item in items)
            {
                _words.Load(item.Text);
                int index = _items.Count;
                _items.Add((name, item, _words.Count));
                if (_words.Count == 0)
                    continue;
                int w = Math.Min(options.NGram, _words.Count);
                var byHash = Get(_match, w);
                for (int i = 0; i + w <= _words.Count; i++)
                {
                    var list = CollectionsMarshal.GetValueRefOrAddDefault(byHash, Hash(i, w), out _) ??= [];
                    if (list.Count == 0 || list[^1] != index)
                        list.Add(index);
                }
                int o = Math.Min(options.OverlapNGram, _words.Count);
                var overlap = Get(_overlap, o);
                for (int i = 0; i + o <= _words.Count; i++)
                    (CollectionsMarshal.GetValueRefOrAddDefault(overlap, Hash(i, o), out _) ??= []).Add((index, i));
            }
        }
        _covered = _items.Select(x => new bool[x.Words]).ToArray();
        _ids = _items.Select(_ => new List<string>()).ToArray();
        _matches = new long[_items.Count];
    }

    private static Dictionary<ulong, T> Get<T>(Dictionary<int, Dictionary<ulong, T>> map, int width)
    {
        if (!map.TryGetValue(width, out var d))
            map[width] = d = [];
        return d;
    }

    private ulong Hash(int first, int count) => XxHash64.Hash(_words.Span(first, count), Seed);

    /// <summary>Checks one training document; returns the items it contaminates, or null.</summary>
    public TrainingMatch? Scan(string trainingId, string text)
    {
        _words.Load(text);
        _hitItems.Clear();
        foreach (var (width, byHash) in _match)
        {
            for (int i = 0; i + width <= _words.Count; i++)
            {
                if (byHash.TryGetValue(Hash(i, width), out var items))
                {
                    foreach (int it in items)
                        _hitItems.Add(it);
                }
            }
        }
        foreach (var (width, byHash) in _overlap)
        {
            for (int i = 0; i + width <= _words.Count; i++)
            {
                if (!byHash.TryGetValue(Hash(i, width), out var occurrences))
                    continue;
                foreach (var (item, pos) in occurrences)
                    _covered[item].AsSpan(pos, width).Fill(true);
            }
        }
        if (_hitItems.Count == 0)
            return null;
        var names = new List<string>(_hitItems.Count);
        foreach (int it in _hitItems.Order())
        {
            if (_ids[it].Count < _options.MaxIdsPerItem)
                _ids[it].Add(trainingId);
            _matches[it]++;
            names.Add($"{_items[it].Benchmark}/{_items[it].Item.Id}");
        }
        return new TrainingMatch(trainingId, names);
    }

    /// <summary>Per-benchmark results so far, benchmarks in ordinal order, items in input order.</summary>
    public IReadOnlyList<BenchmarkContamination> Results()
    {
        var results = new List<BenchmarkContamination>();
        foreach (var group in Enumerable.Range(0, _items.Count).GroupBy(i => _items[i].Benchmark))
        {
            var details = group.Select(i =>
            {
                int words = _items[i].Words;
                double overlap = words == 0 ? 0 : _covered[i].Count(c => c) / (double)words;
                var category = overlap >= _options.DirtyThreshold ? ContaminationCategory.Dirty
                    : overlap < _options.CleanThreshold ? ContaminationCategory.Clean
                    : ContaminationCategory.Partial;
                return new ItemContamination(_items[i].Item.Id, words, _ids[i].ToList(), _matches[i], overlap, category);
            }).ToList();
            results.Add(new BenchmarkContamination(
                group.Key,
                details.Count,
                details.Count(d => d.Found),
                details.Count(d => d.Category == ContaminationCategory.Dirty),
                details.Count(d => d.Category == ContaminationCategory.Partial),
                details.Count(d => d.Category == ContaminationCategory.Clean),
                details));
        }
        return results;
    }
}
