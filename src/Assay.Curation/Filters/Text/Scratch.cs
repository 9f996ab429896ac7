namespace Assay.Curation.Filters.Text;

/// <summary>Per-thread reusable buffers so measuring a document allocates nothing per word.</summary>
internal static class Scratch
{
    [ThreadStatic] private static WordTokens? _words;
    [ThreadStatic] private static List<Range>? _lines;

    [ThreadStatic] private static string? _wordsOf;

    private static WordTokens Words => _words ??= new WordTokens();

    /// <summary>
    /// The words of <paramref name="text"/>, tokenized once: consecutive steps judging the same (immutable)
    /// string instance share one tokenization instead of each paying for it.
    /// </summary>
    public static WordTokens WordsOf(string text)
    {
        var words = Words;
        if (!ReferenceEquals(_wordsOf, text))
        {
            WordTokenizer.Tokenize(text, words);
            _wordsOf = text;
        }
        return words;
    }
    public static List<Range> Lines => _lines ??= new List<Range>(64);
}
