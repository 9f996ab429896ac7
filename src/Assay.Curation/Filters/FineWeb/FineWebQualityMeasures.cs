using Assay.Curation.Filters.Gopher;
using Assay.Curation.Filters.Text;

namespace Assay.Curation.Filters.FineWeb;

/// <summary>
/// FineWeb's custom filter measures (Penedo et al. 2024, §3.5) exactly as datatrove's
/// <c>FineWebQualityFilter.filter</c>: lines are <c>text.split("\n")</c> (unstripped, a trailing '\n'
/// makes an empty last line); a line has terminal punctuation when it ends in one of . ' " ! ?;
/// duplicated-line chars (find_duplicates over non-blank lines) are divided by the length of the text
/// without '\n'; the list ratio is the count of '\n' over the number of words.
/// Zero denominators give 0 (numerator 0) or +∞, where datatrove would raise.
/// </summary>
public readonly record struct FineWebQualityMeasures(
    double LinePunctRatio,
    double ShortLineRatio,
    double DupLineCharRatio,
    double NewLineRatio)
{
    public static FineWebQualityMeasures Compute(string text, int shortLineLength = 30)
    {
        var words = Scratch.Words;
        WordTokenizer.Tokenize(text, words);
        return Compute(text, words.Count, shortLineLength);
    }

    [ThreadStatic] private static SpanHashes? _hashes;
    [ThreadStatic] private static HashCounter? _seen;

    public static FineWebQualityMeasures Compute(string text, int wordCount, int shortLineLength)
    {
        var hashes = _hashes ??= new SpanHashes();
        var seen = _seen ??= new HashCounter();
        hashes.Build(text);
        seen.Reset(64);
        int lines = 0, punct = 0, shortLines = 0, newLines = 0;
        long dupChars = 0;
        int start = 0;
        while (true)
        {
            int nl = text.AsSpan(start).IndexOf('\n');
            int end = nl < 0 ? text.Length : start + nl;
            var line = text.AsSpan(start, end - start);
            lines++;
            if (!line.IsEmpty && line[^1] is '.' or '\'' or '"' or '!' or '?') punct++;
            if (line.Length <= shortLineLength) shortLines++;
            if (!PythonText.Strip(line).IsEmpty && seen.AddIfAbsent(hashes.Slice(start, end))) dupChars += line.Length;
            if (nl < 0) break;
            newLines++;
            start = end + 1;
        }
        return new FineWebQualityMeasures(
            (double)punct / lines,
            (double)shortLines / lines,
            GopherQualityMeasures.Ratio(dupChars, text.Length - newLines),
            GopherQualityMeasures.Ratio(newLines, wordCount));
    }
}
