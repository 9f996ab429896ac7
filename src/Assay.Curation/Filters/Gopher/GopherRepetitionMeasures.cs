using System.Diagnostics;
using Assay.Curation.Filters.Text;

namespace Assay.Curation.Filters.Gopher;

/// <summary>
/// Gopher's repetition measures (Rae et al. 2021, Table A1) computed as datatrove's
/// <c>GopherRepetitionFilter</c> does:
/// paragraphs are <c>re.split(r"\n{2,}", text.strip())</c>, lines are <c>re.split("\n+", text)</c>,
/// a duplicate is any element equal to an earlier one (its chars counted once per repeat); char
/// fractions divide by <c>len(text)</c>. Top n-gram: count of the most common overlapping word n-gram
/// (first inserted wins ties, as <c>Counter.most_common</c>) times the length of the n-gram joined with
/// spaces. Duplicate n-grams: datatrove's <c>find_all_duplicate</c> walk — n-grams are the words joined
/// with no separator; a repeat adds its length and jumps n words ahead, otherwise step one word.
/// Deviation: equality is tested by 61-bit polynomial hashes, not strings (collision odds ~1e-15 per pair).
/// An empty text gives 0 for every char fraction (datatrove would divide by zero).
/// </summary>
public sealed class GopherRepetitionMeasures
{
    public double DupParagraphFraction { get; init; }
    public double DupParagraphCharFraction { get; init; }
    public double DupLineFraction { get; init; }
    public double DupLineCharFraction { get; init; }
    /// <summary>(n, fraction of chars in the most common n-gram), in the order asked.</summary>
    public required IReadOnlyList<(int N, double Fraction)> TopNGramCharFractions { get; init; }
    /// <summary>(n, fraction of chars in repeated n-grams), in the order asked.</summary>
    public required IReadOnlyList<(int N, double Fraction)> DupNGramCharFractions { get; init; }

    public static readonly int[] DefaultTopNs = [2, 3, 4];
    public static readonly int[] DefaultDupNs = [5, 6, 7, 8, 9, 10];

    [ThreadStatic] private static Workspace? _workspace;

    public static GopherRepetitionMeasures Compute(string text) => Compute(text, DefaultTopNs, DefaultDupNs);

    public static GopherRepetitionMeasures Compute(string text, IReadOnlyList<int> topNs, IReadOnlyList<int> dupNs)
    {
        var words = Scratch.Words;
        WordTokenizer.Tokenize(text, words);
        return Compute(text, words, topNs, dupNs);
    }

    public static GopherRepetitionMeasures Compute(string text, WordTokens words, IReadOnlyList<int> topNs, IReadOnlyList<int> dupNs)
    {
        var ws = _workspace ??= new Workspace();
        double len = text.Length;

        ws.TextHashes.Build(text);
        var (paraCount, paraDups, paraDupChars) = ParagraphDuplicates(text, ws);
        var (lineCount, lineDups, lineDupChars) = LineDuplicates(text, ws);

        ws.WordCharHashes.Build(words.Chars);
        var starts = words.Starts;
        int n = words.Count;
        if (ws.TokenHashes.Length < n) ws.TokenHashes = new ulong[Math.Max(n, ws.TokenHashes.Length * 2)];
        for (int i = 0; i < n; i++) ws.TokenHashes[i] = ws.WordCharHashes.Slice(starts[i], starts[i + 1]);
        ws.SequenceHashes.Build(ws.TokenHashes.AsSpan(0, n));

        var top = new (int, double)[topNs.Count];
        for (int k = 0; k < topNs.Count; k++) top[k] = (topNs[k], len == 0 ? 0 : TopNGramChars(words, topNs[k], ws) / len);
        var dup = new (int, double)[dupNs.Count];
        for (int k = 0; k < dupNs.Count; k++) dup[k] = (dupNs[k], len == 0 ? 0 : DuplicateNGramChars(words, dupNs[k], ws) / len);

        return new GopherRepetitionMeasures
        {
            DupParagraphFraction = (double)paraDups / paraCount,
            DupParagraphCharFraction = len == 0 ? 0 : paraDupChars / len,
            DupLineFraction = (double)lineDups / lineCount,
            DupLineCharFraction = len == 0 ? 0 : lineDupChars / len,
            TopNGramCharFractions = top,
            DupNGramCharFractions = dup,
        };
    }

    private static (int Count, int Dups, long DupChars) ParagraphDuplicates(string text, Workspace ws)
    {
        // text.strip() then split on runs of two or more '\n'.
        int begin = 0, end = text.Length;
        while (begin < end && PythonText.IsSpace(text[begin])) begin++;
        while (end > begin && PythonText.IsSpace(text[end - 1])) end--;
        ws.Counter.Reset(64);
        int count = 0, dups = 0;
        long dupChars = 0;
        int start = begin, i = begin;
        while (i <= end)
        {
            bool atSplit = i < end - 1 && text[i] == '\n' && text[i + 1] == '\n';
            if (i == end || atSplit)
            {
                count++;
                if (ws.Counter.AddIfAbsent(ws.TextHashes.Slice(start, i))) { dups++; dupChars += i - start; }
                if (i == end) break;
                while (i < end && text[i] == '\n') i++;
                start = i;
                continue;
            }
            i++;
        }
        return (count, dups, dupChars);
    }

    private static (int Count, int Dups, long DupChars) LineDuplicates(string text, Workspace ws)
    {
        ws.Counter.Reset(64);
        int count = 0, dups = 0;
        long dupChars = 0;
        int start = 0, i = 0;
        while (true)
        {
            int nl = text.AsSpan(i).IndexOf('\n');
            int stop = nl < 0 ? text.Length : i + nl;
            count++;
            if (ws.Counter.AddIfAbsent(ws.TextHashes.Slice(start, stop))) { dups++; dupChars += stop - start; }
            if (nl < 0) break;
            i = stop;
            while (i < text.Length && text[i] == '\n') i++;
            start = i;
        }
        return (count, dups, dupChars);
    }

    private static long TopNGramChars(WordTokens words, int n, Workspace ws)
    {
        int positions = words.Count - n + 1;
        if (positions <= 0) return 0;
        ws.Counter.Reset(positions);
        if (ws.Slots.Length < positions) ws.Slots = new int[Math.Max(positions, ws.Slots.Length * 2)];
        int max = 0;
        for (int p = 0; p < positions; p++)
        {
            int slot = ws.Counter.Add(ws.SequenceHashes.Slice(p, p + n));
            ws.Slots[p] = slot;
            max = Math.Max(max, ws.Counter.CountAt(slot));
        }
        var starts = words.Starts;
        for (int p = 0; p < positions; p++)
        {
            // The first position whose n-gram reaches the top count is the first inserted of the tied n-grams.
            Debug.Assert(ws.Counter.CountAt(ws.Slots[p]) <= max);
            if (ws.Counter.CountAt(ws.Slots[p]) == max)
                return (long)(starts[p + n] - starts[p] + n - 1) * max;
        }
        throw new UnreachableException();
    }

    private static long DuplicateNGramChars(WordTokens words, int n, Workspace ws)
    {
        int positions = words.Count - n + 1;
        if (positions <= 0) return 0;
        ws.Counter.Reset(positions);
        var starts = words.Starts;
        long repeated = 0;
        int idx = 0;
        while (idx < positions)
        {
            if (ws.Counter.AddIfAbsent(ws.WordCharHashes.Slice(starts[idx], starts[idx + n])))
            {
                repeated += starts[idx + n] - starts[idx];
                idx += n;
            }
            else
            {
                idx++;
            }
        }
        return repeated;
    }

    private sealed class Workspace
    {
        public readonly SpanHashes TextHashes = new();
        public readonly SpanHashes WordCharHashes = new();
        public readonly SpanHashes SequenceHashes = new();
        public readonly HashCounter Counter = new();
        public ulong[] TokenHashes = new ulong[256];
        public int[] Slots = new int[256];
    }
}
