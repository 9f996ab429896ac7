using System.Text.RegularExpressions;

namespace Assay.Curation.Filters.Blocklists;

/// <summary>
/// Finds whole-word, case-insensitive occurrences of any listed word or phrase, like datatrove's
/// C4BadWordsFilter pattern <c>(?:\W|^)(w1|w2|…)(?:\W|$)</c> over the lower-cased text (written here with
/// look-arounds so adjacent matches are all counted). Compiled once per list.
/// </summary>
public sealed class WordListMatcher
{
    private readonly Regex? _regex;

    public WordListMatcher(IEnumerable<string> words)
    {
        var escaped = words
            .Select(w => w.Trim().ToLowerInvariant())
            .Where(w => w.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(w => w.Length)
            .Select(Regex.Escape)
            .ToArray();
        Count = escaped.Length;
        if (escaped.Length > 0)
            _regex = new Regex($@"(?<!\w)(?:{string.Join('|', escaped)})(?!\w)",
                RegexOptions.Compiled | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    /// <summary>How many distinct entries the list has.</summary>
    public int Count { get; }

    public bool IsMatch(string text) => _regex is not null && _regex.IsMatch(text);

    public int CountMatches(string text) => _regex is null ? 0 : _regex.Count(text);

    /// <summary>Reads a word list: one entry a line, blank lines and lines starting with '#' skipped.</summary>
    public static IEnumerable<string> ReadListFile(string path) =>
        File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));

    /// <summary>Resolves a path option against the pipeline file's folder.</summary>
    public static string Resolve(string path, string baseDirectory) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(baseDirectory, path));
}
