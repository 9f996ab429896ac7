using Assay.Curation.Dedup;

namespace Assay.Curation.Decontamination;

/// <summary>
/// Scans training documents one at a time against a shared <see cref="BenchmarkIndex"/> and keeps
/// what the report needs (ids, match counts and covered words per item). Cheap to create: the
/// index is built once and shared, only this per-scanner state is per thread.
/// Not thread-safe: one instance per scanning thread (merge results by item).
/// </summary>
public sealed class Decontaminator
{
    private readonly BenchmarkIndex _index;
    private readonly bool[][] _covered;
    private readonly List<string>[] _ids;
    private readonly long[] _matches;
    private readonly NormalizedWords _words = new();
    private readonly HashSet<int> _hitItems = [];

    public Decontaminator(BenchmarkIndex index)
    {
        _index = index;
        _covered = index.Items.Select(x => new bool[x.Words]).ToArray();
        _ids = index.Items.Select(_ => new List<string>()).ToArray();
        _matches = new long[index.Count];
    }

    /// <summary>Builds a private index: for one scanner; share a <see cref="BenchmarkIndex"/> when there are several.</summary>
    public Decontaminator(IReadOnlyDictionary<string, IReadOnlyList<BenchmarkItem>> benchmarks, DecontaminationOptions options)
        : this(BenchmarkIndex.Build(benchmarks, options))
    {
    }

    public BenchmarkIndex Index => _index;

    /// <summary>Checks one training document; returns the items it contaminates, or null.</summary>
    public TrainingMatch? Scan(string trainingId, string text)
    {
        _words.Load(text);
        _hitItems.Clear();
        foreach (var (width, byHash) in _index.Match)
        {
            for (int i = 0; i + width <= _words.Count; i++)
            {
                if (byHash.TryGetValue(BenchmarkIndex.Hash(_words, i, width), out var items))
                {
                    foreach (int it in items)
                        _hitItems.Add(it);
                }
            }
        }
        foreach (var (width, byHash) in _index.Overlap)
        {
            for (int i = 0; i + width <= _words.Count; i++)
            {
                if (!byHash.TryGetValue(BenchmarkIndex.Hash(_words, i, width), out var occurrences))
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
            if (_ids[it].Count < _index.Options.MaxIdsPerItem)
                _ids[it].Add(trainingId);
            _matches[it]++;
            names.Add($"{_index.Items[it].Benchmark}/{_index.Items[it].Item.Id}");
        }
        return new TrainingMatch(trainingId, names);
    }

    /// <summary>Per-benchmark results so far, benchmarks in ordinal order, items in input order.</summary>
    public IReadOnlyList<BenchmarkContamination> Results()
    {
        var options = _index.Options;
        var all = _index.Items;
        var results = new List<BenchmarkContamination>();
        foreach (var group in Enumerable.Range(0, all.Count).GroupBy(i => all[i].Benchmark))
        {
            var details = group.Select(i =>
            {
                int words = all[i].Words;
                double overlap = words == 0 ? 0 : _covered[i].Count(c => c) / (double)words;
                var category = overlap >= options.DirtyThreshold ? ContaminationCategory.Dirty
                    : overlap < options.CleanThreshold ? ContaminationCategory.Clean
                    : ContaminationCategory.Partial;
                return new ItemContamination(all[i].Item.Id, words, _ids[i].ToList(), _matches[i], overlap, category);
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
