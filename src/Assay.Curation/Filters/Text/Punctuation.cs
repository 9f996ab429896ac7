namespace Assay.Curation.Filters.Text;

/// <summary>
/// datatrove's <c>PUNCTUATION_SET</c> (datatrove/utils/text.py): ASCII and CJK punctuation plus the
/// control characters 0..8, 11..12, 13..31 and 127..159. A "symbol word" is a word made only of these.
/// </summary>
public static class Punctuation
{
    private const string Chars = "!/—”:％１〈&(、━\\【#%「」，】；+^]~“《„';’{|∶´[=-`*．（–？！：$～«〉,><》)?）。…@_.\"}►»";

    private static readonly bool[] Ascii = BuildAscii();
    private static readonly HashSet<char> Others = [.. Chars.Where(c => c >= 160)];

    public static bool Contains(char c)
    {
        if (c < 160) return Ascii[c];
        return Others.Contains(c);
    }

    /// <summary>True when every char of <paramref name="word"/> is punctuation (datatrove: not any(ch not in PUNCTUATION_SET)).</summary>
    public static bool IsSymbolWord(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
            if (!Contains(c)) return false;
        return true;
    }

    private static bool[] BuildAscii()
    {
        var table = new bool[160];
        foreach (char c in Chars) if (c < 160) table[c] = true;
        for (int c = 0; c < 9; c++) table[c] = true;
        for (int c = 11; c < 32; c++) table[c] = true; // ranges (11,13) and (13,32): 11..31
        for (int c = 127; c < 160; c++) table[c] = true;
        return table;
    }
}
