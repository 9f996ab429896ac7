using System.Runtime.InteropServices;
using Assay.Core.Hashing;
using Assay.Curation.Dedup;

namespace Assay.Curation.Decontamination;

/// <summary>
/// The n-grams of one or more benchmarks, built once by <see cref="Build"/> and never changed
/// after, so any number of <see cref="Decontaminator"/> scanners on any threads may read it at
/// once (concurrent reads of a Dictionary that nobody writes are safe). Both sides go through the
/// dedup normalization (<see cref="NormalizedWords"/>: letters and numbers only, lowercased), so
/// benchmark text re-wrapped into short lines, re-cased or re-punctuated still matches. Memory is
/// proportional to the benchmarks, not the training set.
/// </summary>
public sealed class BenchmarkIndex
{
    private const ulong Seed = 0;

    private BenchmarkIndex(DecontaminationOptions options, List<(string Benchmark, BenchmarkItem Item, int Words)> items,
        Dictionary<int, Dictionary<ulong, List<int>>> match, Dictionary<int, Dictionary<ulong, List<(int Item, int Pos)>>> overlap)
    {
        Options = options;
        Items = items;
        Match = match;
        Overlap = overlap;
    }

    public DecontaminationOptions Options { get; }

    /// <summary>Every item with its benchmark and normalized word count; benchmarks in ordinal order, items in input order.</summary>
    internal IReadOnlyList<(string Benchmark, BenchmarkItem Item, int Words)> Items { get; }

    /// <summary>n-gram (or whole short item) hash → items containing it, keyed by window length.</summary>
    internal IReadOnlyDictionary<int, Dictionary<ulong, List<int>>> Match { get; }

    /// <summary>overlap-n-gram hash → (item, first word position) occurrences, keyed by window length.</summary>
    internal IReadOnlyDictionary<int, Dictionary<ulong, List<(int Item, int Pos)>>> Overlap { get; }

    public int Count => Items.Count;

    internal static ulong Hash(NormalizedWords words, int first, int count) => XxHash64.Hash(words.Span(first, count), Seed);

    public static BenchmarkIndex Build(IReadOnlyDictionary<string, IReadOnlyList<BenchmarkItem>> benchmarks, DecontaminationOptions options)
    {
        options.Validate();
        var items = new List<(string, BenchmarkItem, int)>();
        var match = new Dictionary<int, Dictionary<ulong, List<int>>>();
        var overlap = new Dictionary<int, Dictionary<ulong, List<(int Item, int Pos)>>>();
        var words = new NormalizedWords();
        foreach (var (name, list) in benchmarks.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            foreach (var item in list)
            {
                words.Load(item.Text);
                int index = items.Count;
                items.Add((name, item, words.Count));
                if (words.Count == 0)
                    continue;
                int w = Math.Min(options.NGram, words.Count);
                var byHash = Get(match, w);
                for (int i = 0; i + w <= words.Count; i++)
                {
                    var hits = CollectionsMarshal.GetValueRefOrAddDefault(byHash, Hash(words, i, w), out _) ??= [];
                    if (hits.Count == 0 || hits[^1] != index)
                        hits.Add(index);
                }
                int o = Math.Min(options.OverlapNGram, words.Count);
                var byOverlap = Get(overlap, o);
                for (int i = 0; i + o <= words.Count; i++)
                    (CollectionsMarshal.GetValueRefOrAddDefault(byOverlap, Hash(words, i, o), out _) ??= []).Add((index, i));
            }
        }
        return new BenchmarkIndex(options, items, match, overlap);
    }

    private static Dictionary<ulong, T> Get<T>(Dictionary<int, Dictionary<ulong, T>> map, int width)
    {
        if (!map.TryGetValue(width, out var d))
            map[width] = d = [];
        return d;
    }
}
