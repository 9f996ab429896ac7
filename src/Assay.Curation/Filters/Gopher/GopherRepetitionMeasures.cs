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
/// Deviation: equality is tested by hashes, not strings (xxHash64 for lines and paragraphs, 61-bit
/// polynomial hashes for the concatenated n-grams, mixed token hashes for top n-grams; collision odds
/// ~1e-18 per pair).
/// An empty text gives 0 for every char fraction (datatrove would divide by zero).
/// </summary>
public sealed class GopherRepetitionMeasures
{
    public double DupParagraphFraction { get; private set; }
    public double DupParagraphCharFraction { get; private set; }
    public double DupLineFraction { get; private set; }
    public double DupLineCharFraction { get; private set; }
    // Arrays rather than IReadOnlyList so the filter's foreach per record does not box an enumerator.
    /// <summary>(n, fraction of chars in the most common n-gram), in the order asked.</summary>
    public (int N, double Fraction)[] TopNGramCharFractions { get; private set; } = [];
    /// <summary>(n, fraction of chars in repeated n-grams), in the order asked.</summary>
    public (int N, double Fraction)[] DupNGramCharFractions { get; private set; } = [];

    public static readonly int[] DefaultTopNs = [2, 3, 4];
    public static readonly int[] DefaultDupNs = [5, 6, 7, 8, 9, 10];

    [ThreadStatic] private static Workspace? _workspace;

    public static GopherRepetitionMeasures Compute(string text) => Compute(text, DefaultTopNs, DefaultDupNs);

    public static GopherRepetitionMeasures Compute(string text, IReadOnlyList<int> topNs, IReadOnlyList<int> dupNs)
    {
        return Compute(text, Scratch.WordsOf(text), topNs, dupNs);
    }

    /// <param name="reuse">A previous result to overwrite, arrays included, instead of allocating (a filter measures a record at a time).</param>
    public static GopherRepetitionMeasures Compute(string text, WordTokens words, IReadOnlyList<int> topNs, IReadOnlyList<int> dupNs, GopherRepetitionMeasures? reuse = null)
    {
        var ws = _workspace ??= new Workspace();
        double len = text.Length;

        var (paraCount, paraDups, paraDupChars) = ParagraphDuplicates(text, ws);
        var (lineCount, lineDups, lineDupChars) = LineDuplicates(text, ws);

        ws.Concat.Build(words);

        var m = reuse ?? new GopherRepetitionMeasures();
        var top = m.TopNGramCharFractions.Length == topNs.Count ? m.TopNGramCharFractions : new (int, double)[topNs.Count];
        for (int k = 0; k < topNs.Count; k++) top[k] = (topNs[k], len == 0 ? 0 : TopNGramChars(words, topNs[k], ws) / len);
        var dup = m.DupNGramCharFractions.Length == dupNs.Count ? m.DupNGramCharFractions : new (int, double)[dupNs.Count];
        if (dupNs.Count > 0 && len > 0) MarkCandidates(words, Min(dupNs), ws);
        for (int k = 0; k < dupNs.Count; k++) dup[k] = (dupNs[k], len == 0 ? 0 : DuplicateNGramChars(words, dupNs[k], ws) / len);

        m.DupParagraphFraction = (double)paraDups / paraCount;
        m.DupParagraphCharFraction = len == 0 ? 0 : paraDupChars / len;
        m.DupLineFraction = (double)lineDups / lineCount;
        m.DupLineCharFraction = len == 0 ? 0 : lineDupChars / len;
        m.TopNGramCharFractions = top;
        m.DupNGramCharFractions = dup;
        return m;
    }

    /// <summary>Creates measures from known values (tests, and callers that computed them elsewhere).</summary>
    public static GopherRepetitionMeasures Of(double dupParagraphFraction, double dupParagraphCharFraction, double dupLineFraction,
        double dupLineCharFraction, (int N, double Fraction)[] top, (int N, double Fraction)[] dup) => new()
    {
        DupParagraphFraction = dupParagraphFraction,
        DupParagraphCharFraction = dupParagraphCharFraction,
        DupLineFraction = dupLineFraction,
        DupLineCharFraction = dupLineCharFraction,
        TopNGramCharFractions = top,
        DupNGramCharFractions = dup,
    };

    private static int Min(IReadOnlyList<int> ns)
    {
        int min = ns[0];
        for (int i = 1; i < ns.Count; i++) min = Math.Min(min, ns[i]);
        return min;
    }

    private static (int Count, int Dups, long DupChars) ParagraphDuplicates(string text, Workspace ws)
    {
        // text.strip() then split on runs of two or more '\n'.
        int begin = 0, end = text.Length;
        while (begin < end && PythonText.IsSpace(text[begin])) begin++;
        while (end > begin && PythonText.IsSpace(text[end - 1])) end--;
        ws.Keys.Reset(64);
        int count = 0, dups = 0;
        long dupChars = 0;
        int start = begin;
        while (true)
        {
            int split = text.AsSpan(start, end - start).IndexOf("\n\n", StringComparison.Ordinal);
            int stop = split < 0 ? end : start + split;
            count++;
            if (!ws.Keys.Add(LineHash.Of(text.AsSpan(start, stop - start)))) { dups++; dupChars += stop - start; }
            if (split < 0) break;
            start = stop;
            while (start < end && text[start] == '\n') start++;
        }
        return (count, dups, dupChars);
    }

    private static (int Count, int Dups, long DupChars) LineDuplicates(string text, Workspace ws)
    {
        ws.Keys.Reset(64);
        int count = 0, dups = 0;
        long dupChars = 0;
        int start = 0, i = 0;
        while (true)
        {
            int nl = text.AsSpan(i).IndexOf('\n');
            int stop = nl < 0 ? text.Length : i + nl;
            count++;
            if (!ws.Keys.Add(LineHash.Of(text.AsSpan(start, stop - start)))) { dups++; dupChars += stop - start; }
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
        var tokens = ws.Concat.Tokens;
        // Counter.most_common(1) returns the first inserted of the most frequent n-grams: keep the best
        // (count, first position) seen, preferring an earlier first position on equal counts.
        int bestCount = 0, bestFirst = 0;
        for (int p = 0; p < positions; p++)
        {
            int count = ws.Counter.Add(SequenceKey(tokens, p, n), p, out int first);
            if (count > bestCount || (count == bestCount && first < bestFirst)) { bestCount = count; bestFirst = first; }
        }
        return (long)(ws.Concat.CharLength(bestFirst, bestFirst + n) + n - 1) * bestCount;
    }

    /// <summary>
    /// Identity of the token sequence [p, p+n) (what " ".join compares: tokens never contain spaces):
    /// the token hashes folded through a 64-bit multiply-xorshift mixer, position-dependent so order matters.
    /// </summary>
    private static ulong SequenceKey(ReadOnlySpan<ulong> tokens, int p, int n)
    {
        ulong h = 0x243F_6A88_85A3_08D3UL;
        for (int i = 0; i < n; i++)
        {
            h = (h ^ tokens[p + i]) * 0xFF51_AFD7_ED55_8CCDUL;
            h ^= h >> 32;
        }
        return h;
    }

    private const int AnchorChars = 8;

    /// <summary>
    /// Marks the positions that could take part in a repeated n-gram (n ≥ <paramref name="minN"/>), so the
    /// walks hash only those; the walks' results are unchanged. Two equal concatenated n-grams of length
    /// L ≥ 8 start with the same 8 chars (their "anchor"), so a position whose anchor occurs nowhere else
    /// can't repeat or be repeated. An n-gram shorter than 8 chars implies the minN-gram at that position
    /// is shorter than 8: those positions are always candidates. In prose most anchors are unique.
    /// </summary>
    private static void MarkCandidates(WordTokens words, int minN, Workspace ws)
    {
        int positions = Math.Max(0, words.Count - minN + 1);
        if (ws.Candidates.Length < positions) ws.Candidates = new bool[Math.Max(positions, ws.Candidates.Length * 2)];
        if (ws.Slots.Length < positions) ws.Slots = new int[ws.Candidates.Length];
        var chars = words.Chars;
        var starts = words.Starts;
        ws.Counter.Reset(positions); // sized so it never grows: slots stay valid
        for (int p = 0; p < positions; p++)
            ws.Slots[p] = ws.Counter.AddSlot(Anchor(chars, starts[p]));
        for (int p = 0; p < positions; p++)
            ws.Candidates[p] = starts[p + minN] - starts[p] < AnchorChars || ws.Counter.CountAt(ws.Slots[p]) > 1;
    }

    /// <summary>The up to 8 chars from <paramref name="start"/> as a 64-bit key (chars read as two 8-byte words).</summary>
    private static ulong Anchor(ReadOnlySpan<char> chars, int start)
    {
        int take = Math.Min(AnchorChars, chars.Length - start);
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(chars.Slice(start, take));
        ulong lo, hi;
        if (take == AnchorChars)
        {
            lo = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            hi = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]);
        }
        else
        {
            Span<byte> padded = stackalloc byte[16];
            padded.Clear();
            bytes.CopyTo(padded);
            lo = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(padded);
            hi = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(padded[8..]) ^ ((ulong)take << 56);
        }
        ulong h = (lo ^ 0x9E37_79B9_7F4A_7C15UL) * 0xFF51_AFD7_ED55_8CCDUL;
        h = (h ^ (h >> 32) ^ hi) * 0xC4CE_B9FE_1A85_EC53UL;
        return h ^ (h >> 29);
    }

    private static long DuplicateNGramChars(WordTokens words, int n, Workspace ws)
    {
        int positions = words.Count - n + 1;
        if (positions <= 0) return 0;
        ws.Keys.Reset(positions);
        var concat = ws.Concat;
        long repeated = 0;
        int idx = 0;
        var candidate = ws.Candidates;
        while (idx < positions)
        {
            // A position that can't equal any other n-gram is neither a repeat nor worth remembering.
            if (!candidate[idx]) { idx++; continue; }
            if (!ws.Keys.Add(concat.Concat(idx, idx + n)))
            {
                repeated += concat.CharLength(idx, idx + n);
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
        public readonly TokenHashes Concat = new();
        public readonly HashCounter Counter = new();
        public readonly HashKeySet Keys = new();
        public bool[] Candidates = new bool[256];
        public int[] Slots = new int[256];
    }
}
