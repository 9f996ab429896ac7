using System.Text;

namespace Assay.Curation.Dedup;

/// <summary>
/// Streams documents in order and removes lines or paragraphs already seen (see
/// <see cref="LineDedupOptions"/>). Seen units are kept as 128-bit hashes of their normalized
/// words, one set entry per distinct unit. A removed unit takes its line break with it; text
/// that is not removed is copied unchanged.
/// </summary>
public sealed class LineDeduplicator
{
    private readonly LineDedupOptions _options;
    private readonly HashSet<(ulong, ulong)> _seen = [];
    private readonly NormalizedWords _words = new();

    public LineDeduplicator(LineDedupOptions options)
    {
        if (options.MinWords < 1)
            throw new ArgumentException($"minimum words must be at least 1, got {options.MinWords}.");
        _options = options;
    }

    /// <summary>Streaming: a unit is removed when an earlier document (or unit) had it.</summary>
    public LineDedupRecord Process(DedupDocument document) => Rewrite(document, (key, _) => !_seen.Add(key));

    /// <summary>The key of every unit long enough to be removed, with the unit's index in the document.</summary>
    public IEnumerable<((ulong, ulong) Key, int Unit)> Keys(string text)
    {
        int pos = 0, index = 0;
        while (pos < text.Length)
        {
            int end = UnitEnd(text, pos);
            _words.Load(text.AsSpan(pos, end - pos));
            if (_words.Count >= _options.MinWords)
                yield return (ExactDeduplicator.Key(_words.Bytes), index);
            index++;
            pos = end;
        }
    }

    /// <summary>
    /// Removes the units for which <paramref name="isDuplicate"/>(key, unit index) is true (asked only of units long
    /// enough to be removed); for a dedup whose "first occurrence" is decided elsewhere.
    /// </summary>
    public LineDedupRecord Rewrite(DedupDocument document, Func<(ulong, ulong), int, bool> isDuplicate)
    {
        string text = document.Text;
        var output = new StringBuilder(text.Length);
        int removedUnits = 0;
        long removedChars = 0;
        int pos = 0, index = 0;
        while (pos < text.Length)
        {
            int end = UnitEnd(text, pos);
            var unit = text.AsSpan(pos, end - pos);
            _words.Load(unit);
            bool remove = false;
            if (_words.Count >= _options.MinWords)
                remove = isDuplicate(ExactDeduplicator.Key(_words.Bytes), index);
            index++;
            if (remove)
            {
                removedUnits++;
                removedChars += unit.Length;
            }
            else
            {
                output.Append(unit);
            }
            pos = end;
        }
        string result = removedUnits == 0 ? text : output.ToString();
        return new LineDedupRecord(document.Id, result, removedUnits, removedChars);
    }

    public IEnumerable<LineDedupRecord> Run(IEnumerable<DedupDocument> documents)
    {
        foreach (var d in documents)
            yield return Process(d);
    }

    // A unit runs to and including its terminating "\n" (line) or its following blank lines (paragraph).
    private int UnitEnd(string text, int pos)
    {
        if (_options.Unit == DedupUnit.Line)
        {
            int nl = text.IndexOf('\n', pos);
            return nl < 0 ? text.Length : nl + 1;
        }
        int i = pos;
        while (true)
        {
            int nl = text.IndexOf('\n', i);
            if (nl < 0)
                return text.Length;
            // Blank line follows? Then the paragraph ends after the run of blank lines.
            int j = nl + 1;
            while (j < text.Length && text[j] is ' ' or '\t' or '\r')
                j++;
            if (j < text.Length && text[j] == '\n')
            {
                while (j < text.Length && text[j] is ' ' or '\t' or '\r' or '\n')
                    j++;
                return j;
            }
            i = nl + 1;
        }
    }
}
