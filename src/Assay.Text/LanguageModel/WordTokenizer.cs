using System.Globalization;

namespace Assay.Text.LanguageModel;

/// <summary>
/// The word convention of the n-gram LM: lowercased (invariant culture); a word is a maximal run
/// of letters, digits and combining marks, with apostrophes kept when they sit between two such
/// characters ("don't" is one word); every other non-whitespace character is a token of its own
/// ("u.s." is "u" "." "s" "."). Whitespace only separates. To compare with KenLM, write each
/// document as one line of these tokens joined by spaces.
/// </summary>
public static class WordTokenizer
{
    /// <summary>Calls <paramref name="onToken"/> with each lowercased token; the span is only valid during the call.</summary>
    public static void Tokenize(ReadOnlySpan<char> text, TokenSink onToken)
    {
        Span<char> small = stackalloc char[256];
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (!IsWordChar(c))
            {
                // Surrogate pairs (emoji etc.) stay together as one token.
                int len = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                onToken(text.Slice(i, len));
                i += len;
                continue;
            }
            int start = i;
            i++;
            while (i < text.Length && (IsWordChar(text[i]) || (text[i] == '\'' && i + 1 < text.Length && IsWordChar(text[i + 1]) && IsWordChar(text[i - 1]))))
                i++;
            var word = text[start..i];
            Span<char> buf = word.Length <= small.Length ? small : new char[word.Length];
            int n = word.ToLowerInvariant(buf);
            onToken(buf[..n]);
        }
    }

    /// <summary>The tokens as strings (for tests and small inputs; the LM itself never allocates per token).</summary>
    public static List<string> Split(string text)
    {
        var list = new List<string>();
        Tokenize(text, t => list.Add(t.ToString()));
        return list;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
