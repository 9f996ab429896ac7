namespace Assay.Curation.Filters.Text;

/// <summary>
/// Counts sentences the way Punkt splits ordinary text (datatrove's C4 filter counts
/// <c>len(sent_tokenize(line))</c> per kept line): a run of <c>.?!</c>, optionally followed by closing
/// quotes or brackets, then whitespace, ends a sentence unless the word before is an abbreviation
/// (same rule as <see cref="WordTokenizer"/>). A non-blank text has at least one sentence.
/// </summary>
public static class SentenceCounter
{
    public static int Count(ReadOnlySpan<char> text)
    {
        text = PythonText.Strip(text);
        if (text.IsEmpty) return 0;
        int sentences = 1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is not ('.' or '?' or '!')) continue;
            int j = i;
            while (j < text.Length && text[j] is '.' or '?' or '!') j++;
            int terminatorEnd = j;
            while (j < text.Length && text[j] is '"' or '\'' or ')' or ']' or '”' or '’' or '»') j++;
            if (j < text.Length && char.IsWhiteSpace(text[j]) && !(c == '.' && terminatorEnd - i == 1 && IsAbbreviationBefore(text, i)))
            {
                while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
                if (j < text.Length) sentences++;
            }
            i = j - 1;
        }
        return sentences;
    }

    private static bool IsAbbreviationBefore(ReadOnlySpan<char> text, int period)
    {
        int s = period;
        while (s > 0 && !char.IsWhiteSpace(text[s - 1]) && text[s - 1] is not ('(' or '"' or '[')) s--;
        var word = text[s..period];
        if (word.IsEmpty) return false;
        if (word.Contains('.')) return true;
        if (word.Length == 1 && char.IsLetter(word[0])) return true;
        return WordTokenizer.Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }
}
