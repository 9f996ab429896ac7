using System.Buffers;
using System.Text.RegularExpressions;
using Assay.Curation.Filters.Text;

namespace Assay.Curation.Filters.C4;

/// <summary>Why a C4 line was dropped (or Kept).</summary>
public enum C4LineOutcome { Kept, TooLongWord, NoTerminalPunct, TooFewWords, Javascript, Policy }

/// <summary>
/// The per-line part of datatrove's <c>C4QualityFilter.filter</c>, in its order. Lines that would make
/// datatrove drop the whole document ("lorem ipsum", '{') are kept here, exactly where datatrove would
/// stop, so that <c>c4_quality_v1</c> run afterwards drops the document for the same reason.
/// </summary>
public static partial class C4LineRules
{
    /// <summary>datatrove POLICY_SUBSTRINGS (from tfds c4_utils).</summary>
    public static readonly string[] PolicySubstrings =
        ["terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies"];

    /// <summary>Every phrase a line rule looks for, found in one vectorized pass; most lines contain none.</summary>
    private static readonly SearchValues<string> Phrases =
        SearchValues.Create(["lorem ipsum", "javascript", .. PolicySubstrings], StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\[\d*]|\[edit]|\[citation needed]")]
    private static partial Regex Citation();

    /// <summary>Judges one line; <paramref name="kept"/> is the stripped line without citations.</summary>
    public static C4LineOutcome Judge(ReadOnlySpan<char> rawLine, C4LinesOptions o, out ReadOnlySpan<char> kept)
    {
        var line = PythonText.Strip(rawLine);
        kept = line;
        // Only "fewer than MinWordsPerLine" matters, and no word can be longer than a short line:
        // counting stops early on the usual case.
        bool checkLength = o.MaxWordLength >= 0 && line.Length > o.MaxWordLength;
        int words = CountWords(line, checkLength ? o.MaxWordLength : -1, checkLength ? int.MaxValue : o.MinWordsPerLine, out bool tooLong);
        if (tooLong) return C4LineOutcome.TooLongWord;
        if (o.RemoveCitations && line.Contains('[') && Citation().IsMatch(line)) // matched on the span: no string unless one is there
        {
            line = Citation().Replace(line.ToString(), "");
            kept = line;
        }
        if (o.FilterNoTerminalPunct && (!EndsWithTerminal(line) || line.EndsWith("...", StringComparison.Ordinal)))
            return C4LineOutcome.NoTerminalPunct;
        if (words < o.MinWordsPerLine) return C4LineOutcome.TooFewWords;
        if (line.IndexOfAny(Phrases) < 0) return C4LineOutcome.Kept; // '{' lines are kept too (document rule)
        if (line.Contains("lorem ipsum", StringComparison.OrdinalIgnoreCase)) return C4LineOutcome.Kept; // document rule
        if (o.FilterJavascript && line.Contains("javascript", StringComparison.OrdinalIgnoreCase)) return C4LineOutcome.Javascript;
        if (line.Contains('{')) return C4LineOutcome.Kept; // document rule
        if (o.FilterPolicy && ContainsPolicy(line)) return C4LineOutcome.Policy;
        return C4LineOutcome.Kept;
    }

    /// <summary>datatrove END_PUNCTUATION: . ? ! " '</summary>
    public static bool EndsWithTerminal(ReadOnlySpan<char> line) =>
        !line.IsEmpty && line[^1] is '.' or '?' or '!' or '"' or '\'';

    public static bool ContainsPolicy(ReadOnlySpan<char> line)
    {
        foreach (var p in PolicySubstrings)
            if (line.Contains(p, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Words of <c>str.split()</c> (up to <paramref name="stopAt"/>), and whether one is longer than <paramref name="maxWordLength"/> (−1: unchecked).</summary>
    private static int CountWords(ReadOnlySpan<char> line, int maxWordLength, int stopAt, out bool tooLong)
    {
        int count = 0, i = 0;
        tooLong = false;
        while (i < line.Length && count < stopAt)
        {
            while (i < line.Length && PythonText.IsSpace(line[i])) i++;
            int start = i;
            while (i < line.Length && !PythonText.IsSpace(line[i])) i++;
            if (i > start)
            {
                count++;
                if (maxWordLength >= 0 && i - start > maxWordLength) tooLong = true;
            }
        }
        return count;
    }
}
