using System.Text.RegularExpressions;
using Assay.Curation.Filters.Text;

namespace Assay.Curation.Tests.Filters;

/// <summary>
/// A line-by-line port of datatrove's gopher_repetition_filter.py with real strings: the reference the
/// hashed implementation is tested against.
/// </summary>
internal static class NaiveRepetition
{
    public static (int Dups, int Chars) FindDuplicates(IEnumerable<string> xs)
    {
        var unique = new HashSet<string>(StringComparer.Ordinal);
        int dups = 0, chars = 0;
        foreach (var x in xs)
        {
            if (!unique.Add(x)) { dups++; chars += x.Length; }
        }
        return (dups, chars);
    }

    public static int FindTopDuplicate(List<string> grams)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var g in grams)
        {
            if (counts.TryGetValue(g, out int c)) counts[g] = c + 1;
            else { counts[g] = 1; order.Add(g); }
        }
        string best = order[0];
        foreach (var g in order) if (counts[g] > counts[best]) best = g; // most_common(1): first of the maxima
        return best.Length * counts[best];
    }

    public static int FindAllDuplicate(string[] words, int n)
    {
        var unique = new HashSet<string>(StringComparer.Ordinal);
        int repeated = 0, idx = 0;
        while (idx < words.Length - n + 1)
        {
            string gram = string.Concat(words[idx..(idx + n)]);
            if (unique.Contains(gram)) { repeated += gram.Length; idx += n; }
            else { unique.Add(gram); idx++; }
        }
        return repeated;
    }

    public static double[] Compute(string text, int[] topNs, int[] dupNs)
    {
        var result = new List<double>();
        var paragraphs = Regex.Split(PythonStrip(text), @"\n{2,}");
        var (pd, pc) = FindDuplicates(paragraphs);
        result.Add((double)pd / paragraphs.Length);
        result.Add(text.Length == 0 ? 0 : (double)pc / text.Length);
        var lines = Regex.Split(text, "\n+");
        var (ld, lc) = FindDuplicates(lines);
        result.Add((double)ld / lines.Length);
        result.Add(text.Length == 0 ? 0 : (double)lc / text.Length);
        var tokens = new WordTokens();
        WordTokenizer.Tokenize(text, tokens);
        var words = tokens.ToArray();
        foreach (int n in topNs)
        {
            var grams = Enumerable.Range(0, Math.Max(0, words.Length - n + 1)).Select(i => string.Join(' ', words[i..(i + n)])).ToList();
            result.Add(grams.Count == 0 || text.Length == 0 ? 0 : (double)FindTopDuplicate(grams) / text.Length);
        }
        foreach (int n in dupNs) result.Add(text.Length == 0 ? 0 : (double)FindAllDuplicate(words, n) / text.Length);
        return [.. result];
    }

    private static string PythonStrip(string s) => PythonText.Strip(s).ToString();
}
