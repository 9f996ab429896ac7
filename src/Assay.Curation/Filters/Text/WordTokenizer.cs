using System.Buffers;

namespace Assay.Curation.Filters.Text;

/// <summary>
/// A hand scanner that reproduces what datatrove's English word tokenizer (NLTK <c>word_tokenize</c>:
/// Punkt sentences, then the improved Treebank regexes, then empty tokens dropped) produces on
/// ordinary web text, without regexes or a string per token. Mirrored Treebank rules:
/// <list type="bullet">
/// <item><c>"</c> becomes <c>``</c> when opening (start of a chunk or after <c>([{&lt;</c>) and <c>''</c> otherwise.</item>
/// <item><c>;@#$%&amp;?!*()[]{}&lt;&gt;</c> and the curly quotes <c>«“‘„»”’</c> are always tokens of their own.</item>
/// <item><c>,</c> and <c>:</c> split unless a digit follows (1,000 and 10:30 stay whole); <c>--</c> and runs of 2+ dots split.</item>
/// <item>A sentence-final period splits off; Punkt's decision is approximated: the period ends a chunk
///   (before closing brackets/quotes) and the word is not an abbreviation (contains a period, is a single
///   letter, or is in <see cref="Abbreviations"/>).</item>
/// <item>Clitics <c>n't 's 'm 'd 'll 're 've</c> and a trailing lone <c>'</c> split; <c>cannot gonna gotta wanna gimme lemme</c> split in two.</item>
/// </list>
/// Known differences from NLTK: Punkt's learned abbreviation list and its orthographic heuristics are
/// replaced by the rule above; leading single quotes are kept attached.
/// </summary>
public static class WordTokenizer
{
    private static readonly SearchValues<char> AlwaysSplit = SearchValues.Create(";@#$%&?!*()[]{}<>«“‘„»”’");

    /// <summary>Lower-case words Punkt's English model treats as abbreviations (a common subset).</summary>
    public static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "inc", "ltd", "co", "corp", "no",
        "fig", "vol", "pp", "gen", "gov", "sen", "rep", "col", "lt", "sgt", "capt", "mt", "ft", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "e.g", "i.e", "approx",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup =
        Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    public static void Tokenize(ReadOnlySpan<char> text, WordTokens into)
    {
        into.Clear();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            if (i > start) TokenizeChunk(text[start..i], into);
        }
    }

    private static void TokenizeChunk(ReadOnlySpan<char> chunk, WordTokens into)
    {
        int finalPeriod = FindFinalPeriod(chunk);
        int wordStart = 0;
        int i = 0;
        while (i < chunk.Length)
        {
            char c = chunk[i];
            int splitLength = 0;
            if (i == finalPeriod) splitLength = 1;
            else if (c == '"' || AlwaysSplit.Contains(c)) splitLength = 1;
            else if ((c == ',' || c == ':') && (i + 1 == chunk.Length || !char.IsAsciiDigit(chunk[i + 1]))) splitLength = 1;
            else if (c == '-' && i + 1 < chunk.Length && chunk[i + 1] == '-') splitLength = 2;
            else if (c == '.' && i + 1 < chunk.Length && chunk[i + 1] == '.')
            {
                int j = i;
                while (j < chunk.Length && chunk[j] == '.') j++;
                splitLength = j - i;
            }
            if (splitLength == 0) { i++; continue; }

            AddWord(chunk[wordStart..i], into);
            if (c == '"')
            {
                bool opening = i == 0 || chunk[i - 1] is '(' or '[' or '{' or '<';
                into.Add(opening ? "``" : "''");
            }
            else
            {
                into.Add(chunk.Slice(i, splitLength));
            }
            i += splitLength;
            wordStart = i;
        }
        AddWord(chunk[wordStart..], into);
    }

    /// <summary>Index of a period that ends a sentence in this chunk, or -1.</summary>
    private static int FindFinalPeriod(ReadOnlySpan<char> chunk)
    {
        int end = chunk.Length;
        while (end > 0 && chunk[end - 1] is ')' or ']' or '}' or '>' or '"' or '\'' or '”' or '’' or '»') end--;
        if (end < 2 || chunk[end - 1] != '.' || chunk[end - 2] == '.') return -1;
        // The word before the period: back to the last split character.
        int wordStart = end - 1;
        while (wordStart > 0 && !IsBoundary(chunk[wordStart - 1])) wordStart--;
        var word = chunk[wordStart..(end - 1)];
        if (word.IsEmpty) return end - 1;
        if (word.Contains('.')) return -1;               // U.S. e.g. www.example.
        if (word.Length == 1 && char.IsLetter(word[0])) return -1; // initials: J. Smith
        if (AbbreviationLookup.Contains(word)) return -1;
        return end - 1;
    }

    private static bool IsBoundary(char c) => c is '"' or ',' or ':' || AlwaysSplit.Contains(c);

    /// <summary>Adds a word, splitting Treebank clitics off its end.</summary>
    private static void AddWord(ReadOnlySpan<char> word, WordTokens into)
    {
        if (word.IsEmpty) return;
        if (word.Length is 5 or 6 && IsSplitPair(word, out int cut))
        {
            into.Add(word[..cut]);
            into.Add(word[cut..]);
            return;
        }
        int clitic = CliticLength(word);
        if (clitic > 0 && clitic < word.Length)
        {
            into.Add(word[..^clitic]);
            into.Add(word[^clitic..]);
            return;
        }
        into.Add(word);
    }

    private static int CliticLength(ReadOnlySpan<char> w)
    {
        int n = w.Length;
        if (n >= 4 && (EndsWithIgnoreCase(w, "n't") || EndsWithIgnoreCase(w, "'ll") || EndsWithIgnoreCase(w, "'re") || EndsWithIgnoreCase(w, "'ve")))
            return w[n - 3] == '\'' && w[n - 4] == '\'' ? 0 : 3;
        if (n >= 3 && w[n - 2] == '\'' && w[n - 1] is 's' or 'S' or 'm' or 'M' or 'd' or 'D')
            return w[n - 3] == '\'' ? 0 : 2;
        if (n >= 2 && w[n - 1] == '\'' && w[n - 2] != '\'') return 1;
        return 0;
    }

    private static bool EndsWithIgnoreCase(ReadOnlySpan<char> w, string suffix) =>
        w.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Treebank CONTRACTIONS2: whole words split in two (cannot → can not).</summary>
    private static bool IsSplitPair(ReadOnlySpan<char> w, out int cut)
    {
        cut = 3;
        if (w.Equals("cannot", StringComparison.OrdinalIgnoreCase) || w.Equals("gimme", StringComparison.OrdinalIgnoreCase)
            || w.Equals("gonna", StringComparison.OrdinalIgnoreCase) || w.Equals("gotta", StringComparison.OrdinalIgnoreCase)
            || w.Equals("lemme", StringComparison.OrdinalIgnoreCase) || w.Equals("wanna", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return false;
    }
}
