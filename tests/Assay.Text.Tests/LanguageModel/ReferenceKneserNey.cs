using Assay.Text.LanguageModel;

namespace Assay.Text.Tests.LanguageModel;

/// <summary>
/// A deliberately naive interpolated modified Kneser–Ney straight from the definitions (string keys,
/// sets of left neighbours, recursion), sharing no code with the trainer, for checking it.
/// Sentences are &lt;s&gt; words &lt;/s&gt;; n-grams beginning with &lt;s&gt; and highest-order ones keep raw counts.
/// </summary>
internal sealed class ReferenceKneserNey
{
    private readonly int _order;
    private readonly Dictionary<string, long>[] _a;
    private readonly (double D1, double D2, double D3)[] _d;
    private readonly List<string> _vocab;

    public ReferenceKneserNey(IEnumerable<string> docs, int order)
    {
        _order = order;
        var seqs = docs.Select(d => new[] { "<s>" }.Concat(WordTokenizer.Split(d)).Append("</s>").ToArray()).ToList();
        _a = new Dictionary<string, long>[order + 1];
        _d = new (double, double, double)[order + 1];
        for (int n = 1; n <= order; n++)
        {
            var raw = new Dictionary<string, long>();
            var left = new Dictionary<string, HashSet<string>>();
            foreach (var s in seqs)
                for (int i = 0; i + n <= s.Length; i++)
                {
                    var g = string.Join(' ', s[i..(i + n)]);
                    if (g == "<s>") continue;
                    raw[g] = raw.GetValueOrDefault(g) + 1;
                    if (!left.TryGetValue(g, out var set)) left[g] = set = [];
                    if (i > 0) set.Add(s[i - 1]);
                }
            _a[n] = raw.ToDictionary(kv => kv.Key, kv => n == order || kv.Key.StartsWith("<s>", StringComparison.Ordinal) ? kv.Value : left[kv.Key].Count);
            long c1 = _a[n].Values.Count(v => v == 1), c2 = _a[n].Values.Count(v => v == 2), c3 = _a[n].Values.Count(v => v == 3), c4 = _a[n].Values.Count(v => v == 4);
            var est = Discounts.Estimate(c1, c2, c3, c4) ?? new Discounts(0.5, 1, 1.5);
            _d[n] = (est.D1, est.D2, est.D3Plus);
        }
        _vocab = [.. _a[1].Keys.Append("<unk>").Distinct()];
    }

    public IReadOnlyList<string> Vocabulary => _vocab;

    private double D(int n, long c) => c switch { 0 => 0, 1 => _d[n].D1, 2 => _d[n].D2, _ => _d[n].D3 };

    /// <summary>p(w | h) with h the last words (at most order−1 used).</summary>
    public double Prob(string[] h, string w)
    {
        if (h.Length > _order - 1) h = h[^(_order - 1)..];
        if (h.Length == 0)
        {
            var uni = _a[1];
            double s = uni.Values.Sum();
            double gamma = (_d[1].D1 * uni.Values.Count(v => v == 1) + _d[1].D2 * uni.Values.Count(v => v == 2) + _d[1].D3 * uni.Values.Count(v => v >= 3)) / s;
            long a = uni.GetValueOrDefault(w);
            return (a - D(1, a)) / s + gamma / _vocab.Count;
        }
        int n = h.Length + 1;
        string prefix = string.Join(' ', h) + " ";
        var ext = _a[n].Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal) && kv.Key.Count(c => c == ' ') == n - 1).Select(kv => kv.Value).ToList();
        double lower = Prob(h[1..], w);
        if (ext.Count == 0) return lower;
        double sum = ext.Sum();
        double g = (_d[n].D1 * ext.Count(v => v == 1) + _d[n].D2 * ext.Count(v => v == 2) + _d[n].D3 * ext.Count(v => v >= 3)) / sum;
        long c = _a[n].GetValueOrDefault(prefix + w);
        return (c - D(n, c)) / sum + g * lower;
    }
}
