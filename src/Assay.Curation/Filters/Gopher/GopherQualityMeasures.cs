using Assay.Curation.Filters.Text;

namespace Assay.Curation.Filters.Gopher;

/// <summary>
/// What Gopher's quality rules look at (Rae et al. 2021, appendix A.1.1), measured exactly as datatrove's
/// <c>GopherQualityFilter.filter</c> does. Ratios whose denominator is zero (datatrove would raise
/// ZeroDivisionError) are 0 when the numerator is 0 and +∞ otherwise.
/// </summary>
public readonly record struct GopherQualityMeasures(
    int Words,                 // all tokens
    int NonSymbolWords,        // tokens with at least one non-punctuation char: the "word count" rule
    double MeanWordLength,     // over non-symbol words; NaN when there are none (np.mean of [])
    double HashRatio,          // count('#') / Words
    double EllipsisRatio,      // (count('...') + count('…')) / Words
    double BulletLinesRatio,   // lines whose lstrip starts with • or -
    double EllipsisLinesRatio, // lines whose rstrip ends with ... or …
    double AlphaWordsRatio,    // tokens with a letter / Words
    int StopWords)             // tokens equal (case-sensitive) to a stop word
{
    /// <summary>Gopher's stop words (datatrove STOP_WORDS).</summary>
    public static readonly IReadOnlyList<string> DefaultStopWords = ["the", "be", "to", "of", "and", "that", "have", "with"];

    public static GopherQualityMeasures Compute(string text) => Compute(text, DefaultStopWordSet);

    public static GopherQualityMeasures Compute(string text, HashSet<string> stopWords)
    {
        var words = Scratch.Words;
        WordTokenizer.Tokenize(text, words);
        return Compute(text, words, stopWords);
    }

    /// <summary>Measures from an already tokenized text (the pipeline tokenizes once for several steps).</summary>
    public static GopherQualityMeasures Compute(string text, WordTokens words, HashSet<string> stopWords)
    {
        var stop = stopWords.GetAlternateLookup<ReadOnlySpan<char>>();
        int n = words.Count, nonSymbol = 0, alpha = 0, stopCount = 0;
        long nonSymbolChars = 0;
        for (int i = 0; i < n; i++)
        {
            var w = words[i];
            if (!Punctuation.IsSymbolWord(w)) { nonSymbol++; nonSymbolChars += w.Length; }
            if (HasLetter(w)) alpha++;
            if (stop.Contains(w)) stopCount++;
        }

        var lines = Scratch.Lines;
        int lineCount = PythonText.SplitLines(text, lines);
        int bullets = 0, ellipsisLines = 0;
        foreach (var range in lines)
        {
            var line = text.AsSpan(range);
            var left = PythonText.StripStart(line);
            if (left.StartsWith('•') || left.StartsWith('-')) bullets++;
            var right = PythonText.StripEnd(line);
            if (right.EndsWith("...", StringComparison.Ordinal) || right.EndsWith('…')) ellipsisLines++;
        }

        int hashes = text.AsSpan().Count('#');
        int ellipses = PythonText.Count(text, "...") + text.AsSpan().Count('…');
        return new GopherQualityMeasures(
            n,
            nonSymbol,
            nonSymbol == 0 ? double.NaN : (double)nonSymbolChars / nonSymbol,
            Ratio(hashes, n),
            Ratio(ellipses, n),
            Ratio(bullets, lineCount),
            Ratio(ellipsisLines, lineCount),
            Ratio(alpha, n),
            stopCount);
    }

    internal static readonly HashSet<string> DefaultStopWordSet = new(DefaultStopWords, StringComparer.Ordinal);

    internal static double Ratio(double numerator, double denominator) =>
        denominator > 0 ? numerator / denominator : numerator > 0 ? double.PositiveInfinity : 0;

    private static bool HasLetter(ReadOnlySpan<char> w)
    {
        foreach (char c in w)
            if (char.IsLetter(c)) return true;
        return false;
    }
}
