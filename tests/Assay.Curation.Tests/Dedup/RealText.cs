using Assay.Core.Datasets;

namespace Assay.Curation.Tests.Dedup;

/// <summary>
/// English sentences of the `nlp-corpus` data pack (npm nlp-corpus@4.4.0, 100 × 1000 sentences),
/// pulled into the cache on first use. Tests that need real text fail, not skip, when it cannot be had.
/// </summary>
internal static class RealText
{
    private static readonly Lazy<IReadOnlyList<string>> Cached = new(Load);

    public static IReadOnlyList<string> Sentences => Cached.Value;

    private static IReadOnlyList<string> Load()
    {
        // Ordered as the package's file names sort (doc-0, doc-1, doc-10, …), the order the tests' seeds were chosen on.
        var sentences = DatasetReader.Read("pack:nlp-corpus")
            .Select((r, i) => (r.Text, File: "doc-" + r.Meta["doc"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture) + ".json", i))
            .OrderBy(x => x.File, StringComparer.Ordinal).ThenBy(x => x.i)
            .Select(x => x.Text).ToList();
        if (sentences.Count < 10000)
            throw new InvalidOperationException($"pack:nlp-corpus: expected ~100k sentences, found {sentences.Count}");
        return sentences;
    }

    /// <summary>Documents of about <paramref name="words"/> words built from distinct random sentences.</summary>
    public static List<string> Documents(int seed, int count, int words)
    {
        var rng = new Random(seed);
        var all = Sentences;
        var order = Enumerable.Range(0, all.Count).OrderBy(_ => rng.Next()).ToArray();
        var docs = new List<string>(count);
        int next = 0;
        for (int d = 0; d < count; d++)
        {
            var sb = new System.Text.StringBuilder();
            int n = 0;
            while (n < words && next < order.Length)
            {
                string s = all[order[next++]];
                sb.Append(s).Append(' ');
                n += s.Split(' ').Length;
            }
            docs.Add(sb.ToString().TrimEnd());
        }
        return docs;
    }
}
