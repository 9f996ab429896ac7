using System.Text;

namespace Assay.Curation.Dedup;

/// <summary>
/// Builds a labelled near-duplicate corpus from real base documents: every base document is kept
/// and gets variants made by word substitutions, insertions and deletions (which change the
/// shingles) plus re-wrapping and case changes (which normalization must ignore). Each variant
/// aims at a target 5-gram Jaccard drawn uniformly from [minJaccard, 1]; the number of edits is
/// found by bisection over a fixed random edit sequence and the variant's true Jaccard with its
/// base is recorded. Deterministic in the seed.
/// </summary>
public static class NearDuplicateCorpus
{
    public static NearDuplicateCorpusResult Generate(int seed, IReadOnlyList<string> baseDocs, int variantsPerDoc = 2, double minJaccard = 0.3, int ngram = 5)
    {
        if (variantsPerDoc < 0)
            throw new ArgumentOutOfRangeException(nameof(variantsPerDoc));
        var rng = new Random(seed);
        var normalized = new NormalizedWords();
        var vocabulary = new List<string>();
        var baseWords = new List<string[]>();
        foreach (string doc in baseDocs)
        {
            var words = doc.Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            baseWords.Add(words);
            vocabulary.AddRange(words.Take(50));
        }
        if (vocabulary.Count == 0)
            vocabulary.Add("filler");

        var docs = new List<NearDuplicateDocument>();
        var pairs = new List<NearDuplicatePair>();
        for (int d = 0; d < baseDocs.Count; d++)
        {
            string baseId = $"doc{d:D6}";
            docs.Add(new NearDuplicateDocument(baseId, baseDocs[d], d, -1));
            var baseSet = ShingleSet(baseDocs[d], normalized, ngram);
            for (int v = 0; v < variantsPerDoc; v++)
            {
                double target = minJaccard + rng.NextDouble() * (1 - minJaccard);
                var edits = RandomEdits(rng, vocabulary, Math.Max(8, baseWords[d].Length));
                int lo = 0, hi = edits.Count;
                // Largest edit count whose Jaccard is still ≥ target (Jaccard falls roughly monotonically with edits).
                while (lo < hi)
                {
                    int mid = (lo + hi + 1) / 2;
                    double j = Shingles.Jaccard(baseSet, ShingleSet(Render(Apply(baseWords[d], edits, mid), null), normalized, ngram));
                    if (j >= target)
                        lo = mid;
                    else
                        hi = mid - 1;
                }
                var words = Apply(baseWords[d], edits, lo);
                string text = Render(words, rng);
                double trueJ = Shingles.Jaccard(baseSet, ShingleSet(text, normalized, ngram));
                string id = $"doc{d:D6}-v{v}";
                docs.Add(new NearDuplicateDocument(id, text, d, v));
                pairs.Add(new NearDuplicatePair(baseId, id, trueJ));
            }
        }
        return new NearDuplicateCorpusResult(docs, pairs);
    }

    /// <summary>True word 5-gram (or <paramref name="ngram"/>) Jaccard of two texts under dedup normalization.</summary>
    public static double Jaccard(string a, string b, int ngram = 5)
    {
        var w = new NormalizedWords();
        return Shingles.Jaccard(ShingleSet(a, w, ngram), ShingleSet(b, w, ngram));
    }

    private static HashSet<ulong> ShingleSet(string text, NormalizedWords words, int ngram)
    {
        words.Load(text);
        return Shingles.Set(words, ngram, 0);
    }

    private readonly record struct Edit(int Kind, double Position, string Word);

    private static List<Edit> RandomEdits(Random rng, List<string> vocabulary, int words)
    {
        var edits = new List<Edit>(words);
        for (int i = 0; i < words; i++)
            edits.Add(new Edit(rng.Next(3), rng.NextDouble(), vocabulary[rng.Next(vocabulary.Count)]));
        return edits;
    }

    private static List<string> Apply(string[] baseWords, List<Edit> edits, int count)
    {
        var words = new List<string>(baseWords);
        for (int i = 0; i < count; i++)
        {
            var e = edits[i];
            int pos = (int)(e.Position * words.Count);
            switch (e.Kind)
            {
                case 0 when words.Count > 0: // substitution
                    words[Math.Min(pos, words.Count - 1)] = e.Word;
                    break;
                case 1: // insertion
                    words.Insert(Math.Min(pos, words.Count), e.Word);
                    break;
                case 2 when words.Count > 1: // deletion
                    words.RemoveAt(Math.Min(pos, words.Count - 1));
                    break;
            }
        }
        return words;
    }

    // Re-wraps at random line lengths and changes case of some words or the whole text; with no
    // generator, joins by spaces (the shingles are the same either way).
    private static string Render(List<string> words, Random? rng)
    {
        if (rng is null)
            return string.Join(' ', words);
        var sb = new StringBuilder();
        int lineWords = 0, wrapAt = rng.Next(4, 16);
        bool upperAll = rng.NextDouble() < 0.2;
        for (int i = 0; i < words.Count; i++)
        {
            if (i > 0)
            {
                if (++lineWords >= wrapAt)
                {
                    sb.Append(rng.NextDouble() < 0.5 ? "\n" : " \r\n  ");
                    lineWords = 0;
                    wrapAt = rng.Next(4, 16);
                }
                else
                {
                    sb.Append(rng.NextDouble() < 0.1 ? "  " : " ");
                }
            }
            string w = words[i];
            if (upperAll)
                w = w.ToUpperInvariant();
            else if (rng.NextDouble() < 0.1)
                w = w.Length > 0 ? char.ToUpperInvariant(w[0]) + w[1..] : w;
            sb.Append(w);
        }
        return sb.ToString();
    }
}
