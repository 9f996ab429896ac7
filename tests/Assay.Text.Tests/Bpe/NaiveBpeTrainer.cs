using System.Text;
using Assay.Text.Bpe;

namespace Assay.Text.Tests.Bpe;

/// <summary>
/// Reference trainer: recounts every pair of every piece before each merge (O(vocab × corpus)),
/// with BpeTrainer's documented rules, to check the incremental trainer step by step.
/// </summary>
internal static class NaiveBpeTrainer
{
    public static List<BpeMerge> Train(IEnumerable<string> texts, int vocabSize, string pattern)
    {
        var splitter = new PieceSplitter(pattern);
        var words = new List<(List<int> Symbols, long Count)>();
        var ranges = new List<Range>();
        foreach (var t in texts)
        {
            ranges.Clear();
            splitter.Split(t, ranges);
            foreach (var r in ranges)
                words.Add((Encoding.UTF8.GetBytes(t[r]).Select(b => (int)b).ToList(), 1));
        }
        var tokens = Enumerable.Range(0, 256).Select(b => new[] { (byte)b }).ToList();
        var merges = new List<BpeMerge>();
        while (tokens.Count < vocabSize)
        {
            var counts = new Dictionary<(int, int), long>();
            foreach (var (s, c) in words)
                for (var i = 0; i + 1 < s.Count; i++)
                    counts[(s[i], s[i + 1])] = counts.GetValueOrDefault((s[i], s[i + 1])) + c;
            if (counts.Count == 0) break;
            var best = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Item1).ThenBy(kv => kv.Key.Item2).First();
            if (best.Value < BpeTrainer.MinPairCount) break;
            var (l, r2) = best.Key;
            var bytes = tokens[l].Concat(tokens[r2]).ToArray();
            var id = tokens.FindIndex(t => t.AsSpan().SequenceEqual(bytes));
            if (id < 0) { tokens.Add(bytes); id = tokens.Count - 1; }
            merges.Add(new BpeMerge(l, r2, id, best.Value));
            foreach (var (s, _) in words)
                for (var i = 0; i + 1 < s.Count; i++)
                    if (s[i] == l && s[i + 1] == r2) { s[i] = id; s.RemoveAt(i + 1); }
        }
        return merges;
    }
}
