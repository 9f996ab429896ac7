using System.Buffers;
using System.Globalization;

namespace Assay.Curation.Filters.Blocklists;

/// <summary>
/// Finds whole-word, case-insensitive occurrences of listed words or phrases: the matches of datatrove's
/// C4BadWordsFilter pattern <c>(?:\W|^)(w1|w2|…)(?:\W|$)</c> over the lower-cased text. Candidates come from
/// one vectorized multi-string search (SearchValues); each is then checked for word boundaries, longest
/// entry first. Matches are counted left to right without overlap.
/// </summary>
public sealed class WordListMatcher
{
    private readonly SearchValues<string>? _values;
    private readonly Dictionary<char, string[]> _byFirstChar;

    public WordListMatcher(IEnumerable<string> words)
    {
        var list = words
            .Select(w => w.Trim().ToLowerInvariant())
            .Where(w => w.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        Count = list.Length;
        _byFirstChar = list
            .GroupBy(w => w[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(w => w.Length).ToArray());
        if (list.Length > 0) _values = SearchValues.Create(list, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>How many distinct entries the list has.</summary>
    public int Count { get; }

    public bool IsMatch(string text) => CountMatches(text, stopAtFirst: true) > 0;

    public int CountMatches(string text) => CountMatches(text, stopAtFirst: false);

    private int CountMatches(ReadOnlySpan<char> text, bool stopAtFirst)
    {
        if (_values is null) return 0;
        int count = 0, pos = 0;
        while (pos < text.Length)
        {
            int k = text[pos..].IndexOfAny(_values);
            if (k < 0) break;
            int at = pos + k;
            int length = WholeWordAt(text, at);
            if (length == 0) { pos = at + 1; continue; }
            count++;
            if (stopAtFirst) break;
            pos = at + length;
        }
        return count;
    }

    private int WholeWordAt(ReadOnlySpan<char> text, int at)
    {
        if (at > 0 && IsWordChar(text[at - 1])) return 0;
        if (!_byFirstChar.TryGetValue(char.ToLowerInvariant(text[at]), out var candidates)) return 0;
        foreach (var w in candidates)
        {
            if (!text[at..].StartsWith(w, StringComparison.OrdinalIgnoreCase)) continue;
            int end = at + w.Length;
            if (end == text.Length || !IsWordChar(text[end])) return w.Length;
        }
        return 0;
    }

    /// <summary>Regex \w: letters, digits, marks and connector punctuation.</summary>
    private static bool IsWordChar(char c)
    {
        if (char.IsAsciiLetterOrDigit(c) || c == '_') return true;
        if (c < 128) return false;
        return char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation;
    }

    /// <summary>Reads a word list: one entry a line, blank lines and lines starting with '#' skipped.</summary>
    public static IEnumerable<string> ReadListFile(string path) =>
        File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));

    /// <summary>Resolves a path option against the pipeline file's folder.</summary>
    public static string Resolve(string path, string baseDirectory) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(baseDirectory, path));
}
