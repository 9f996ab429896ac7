using System.Runtime.InteropServices;

namespace Assay.Curation.Dedup;

/// <summary>
/// Merges the part suffix arrays against the mapped corpus (as Lee et al. 2022 merge theirs) and
/// marks repeats while streaming the merged order. Only the first k bytes of a suffix decide
/// anything: a position s is marked when the k bytes at s (inside one document) also occur at an
/// earlier position. In any order sorted by those k bytes, equal keys are adjacent, so a run of
/// adjacent suffixes sharing k bytes is one key and everything in it but the smallest position is
/// marked. The union of [s, s + k) over marked s is exactly the in-memory rule's removal (the union
/// of [s, s + lpf(s)) with lpf(s) ≥ k): every start inside such a range repeats its own k bytes.
/// Range boundaries match too: the in-memory sweep starts a new range at s when s reaches the end
/// of the previous one, and for k ≥ 2 that happens exactly when s reaches the previous marked
/// start + k. For k = 1 a range [s′, s′ + lpf) can run through a start s without a marked start in
/// (s − 1, s) reaching past s; there lpf(s − 1) ≥ 2 decides, so k = 1 also marks 2-byte repeats.
/// Memory: read buffers per part (its suffix array and LCP file) and one bit per corpus byte (two for k = 1).
/// </summary>
internal static class SuffixArrayMerge
{
    private const int BufferInts = 1 << 16;

    /// <summary>Marks per position: lpf ≥ k, and for k = 1 also lpf ≥ 2 (see the type's remarks), else null.</summary>
    /// <param name="documentRank">
    /// Which of two positions counts as the first occurrence: by default the lower offset; with ranks per document, the
    /// one whose document ranks lower (then the lower offset). Pipelines pass ranks by record id so the result does not
    /// depend on how the stage was split into tasks. Marks are then those of the corpus with its documents reordered
    /// that way: k-byte keys never span a document's terminator.
    /// </param>
    public static (ulong[] Marks, ulong[]? Longer) MarkRepeats(SubstringCorpus corpus, IReadOnlyList<(long Start, int Length)> parts, string dir, int k, CancellationToken ct,
        int[]? documentRank = null)
    {
        if (documentRank is not null && documentRank.Length != corpus.Count)
            throw new ArgumentException($"{documentRank.Length} document ranks for {corpus.Count} documents", nameof(documentRank));
        var marks = new ulong[(corpus.Length + 63) >> 6];
        var longer = k == 1 ? new ulong[marks.Length] : null;
        var readers = new PartReader[parts.Count];
        try
        {
            for (int p = 0; p < parts.Count; p++)
                readers[p] = new PartReader(SuffixArrayParts.PartPath(dir, p), SuffixArrayParts.LcpPath(dir, p), parts[p].Start, SuffixArrayParts.LcpCap(k));
            var tree = new LoserTree(corpus, readers, SuffixArrayParts.KeyBytes(k));
            var run = new FirstOccurrence(corpus, documentRank);
            var runLonger = new FirstOccurrence(corpus, documentRank);
            long n = 0;
            while (tree.Winner(out long pos, out int lcp))
            {
                if ((++n & 0xFFFFF) == 0)
                    ct.ThrowIfCancellationRequested();
                run.Mark(marks, tree.SameKey(lcp, k), pos);
                if (longer is not null)
                    runLonger.Mark(longer, tree.SameKey(lcp, 2), pos);
                tree.Advance();
            }
        }
        finally
        {
            foreach (var r in readers)
                r?.Dispose();
        }
        return (marks, longer);
    }

    /// <summary>
    /// The first position of the current run of equal keys; every other position of the run is marked. With document
    /// ranks, the first is the least (rank, position); the first's rank is looked up once per run, when a second
    /// position arrives, and each later position's once.
    /// </summary>
    private struct FirstOccurrence(SubstringCorpus corpus, int[]? documentRank)
    {
        private long _least = -1;
        private int _leastRank = -1; // −1: not looked up yet

        public void Mark(ulong[] marks, bool sameKey, long pos)
        {
            if (!sameKey)
            {
                _least = pos;
                _leastRank = -1;
                return;
            }
            bool posFirst;
            if (documentRank is null)
            {
                posFirst = pos < _least;
            }
            else
            {
                if (_leastRank < 0)
                    _leastRank = documentRank[corpus.DocumentAt(_least)];
                int rank = documentRank[corpus.DocumentAt(pos)];
                posFirst = rank != _leastRank ? rank < _leastRank : pos < _least;
                if (posFirst)
                    _leastRank = rank;
            }
            long later = posFirst ? _least : pos;
            marks[later >> 6] |= 1UL << (int)(later & 63);
            if (posFirst)
                _least = pos;
        }
    }

    /// <summary>Removal ranges [start, end) of document <paramref name="doc"/>, relative to its start, ascending and disjoint.</summary>
    public static List<(int Start, int End)> Ranges(ulong[] marks, ulong[]? longer, SubstringCorpus corpus, int doc, int k)
    {
        long begin = corpus.Starts[doc], end = corpus.Starts[doc + 1] - 1;
        var ranges = new List<(int, int)>();
        int start = -1, reach = 0;
        for (long s = NextMark(marks, begin, end); s < end; s = NextMark(marks, s + 1, end))
        {
            int rel = (int)(s - begin);
            if (start >= 0 && rel >= reach && !(longer is not null && rel == reach && IsMarked(longer, s - 1)))
            {
                ranges.Add((start, reach));
                start = -1;
            }
            if (start < 0)
                start = rel;
            reach = rel + k;
        }
        if (start >= 0)
            ranges.Add((start, reach));
        return ranges;
    }

    private static bool IsMarked(ulong[] marks, long pos) => (marks[pos >> 6] >> (int)(pos & 63) & 1) != 0;

    // First marked position in [from, end), or end.
    private static long NextMark(ulong[] marks, long from, long end)
    {
        while (from < end)
        {
            ulong word = marks[from >> 6] >> (int)(from & 63);
            if (word != 0)
                return Math.Min(end, from + (long)ulong.TrailingZeroCount(word));
            from = (from | 63) + 1;
        }
        return end;
    }

    /// <summary>
    /// LCP-aware tournament (loser) tree over the parts' current suffixes (the LCP-aware multiway merge
    /// of Ng and Kakehi 2008; Bingmann, Eberle and Sanders 2017). Every player keeps its common key
    /// prefix (<c>_lcp</c>) with the player that beat it (a loser at a node) or, for the player on its
    /// way up after a step, with the suffix output last. On the path of the last winner every loser was
    /// beaten by that winner, so two LCPs against the same suffix decide most matches without the
    /// text: the larger LCP is the smaller key. Only equal LCPs read bytes, from there on (cached
    /// 8-byte prefixes first). A part's next suffix comes with its stored LCP against the suffix just
    /// output (its predecessor in the part), and the winner's LCP is the one the marking needs.
    /// Ties between equal keys go either way: the marks do not depend on the order inside a run.
    /// </summary>
    private sealed class LoserTree
    {
        private const int PrefetchAhead = 8;
        private readonly SubstringCorpus _corpus;
        private readonly PartReader[] _parts;
        private readonly int _key;
        private readonly int[] _tree; // [0] the winner, [1, P) the loser at each node; the leaf of part p is P + p
        private readonly long[] _pos; // −1 once the part is exhausted
        private readonly ulong[] _prefix; // valid where _prefixAt equals _pos: read only when a match needs bytes
        private readonly long[] _prefixAt;
        private readonly int[] _lcp;
        private readonly bool[] _keyEnds; // the player's first key bytes hold a terminator

        public LoserTree(SubstringCorpus corpus, PartReader[] parts, int key)
        {
            _corpus = corpus;
            _parts = parts;
            _key = key;
            int count = parts.Length;
            _tree = new int[Math.Max(count, 1)];
            _pos = new long[count];
            _prefix = new ulong[count];
            _prefixAt = new long[count];
            _lcp = new int[count]; // 0: every player starts against the empty key
            _keyEnds = new bool[count];
            var winners = new int[2 * count];
            for (int p = 0; p < count; p++)
            {
                _pos[p] = parts[p].TryNext(out long pos, out _, out _keyEnds[p]) ? pos : -1;
                _prefixAt[p] = -1;
                winners[count + p] = p;
            }
            for (int node = count - 1; node >= 1; node--)
            {
                int c = winners[2 * node], l = winners[2 * node + 1];
                bool loserWins = LoserWins(c, l);
                _tree[node] = loserWins ? c : l;
                winners[node] = loserWins ? l : c;
            }
            _tree[0] = count == 0 ? -1 : winners[1];
        }

        /// <summary>The smallest current suffix and its common key prefix with the one output before it (0 for the first).</summary>
        public bool Winner(out long pos, out int lcp)
        {
            int w = _tree[0];
            pos = w >= 0 ? _pos[w] : -1;
            lcp = pos >= 0 ? _lcp[w] : 0;
            return pos >= 0;
        }

        /// <summary>Whether the winner's first <paramref name="bytes"/> (inside one document) equal those of the suffix output before it.</summary>
        public bool SameKey(int lcp, int bytes)
        {
            // A common key prefix ends at a terminator, so only its last byte can be one: byte bytes − 1
            // is one only if lcp = bytes, and then, for a whole key, exactly when the key holds one.
            if (lcp != bytes)
                return lcp > bytes;
            int w = _tree[0];
            if (bytes == _key)
                return !_keyEnds[w];
            return _corpus.Slice(_pos[w] + bytes - 1, 1)[0] != SubstringCorpus.Terminator;
        }

        /// <summary>Replaces the winner by its part's next suffix and replays its path to the root.</summary>
        public void Advance()
        {
            int c = _tree[0];
            long output = _pos[c];
            if (_parts[c].TryNext(out long next, out int lcp, out _keyEnds[c]))
            {
                // The text of suffixes a few steps ahead: a step's cost is mostly waiting for random lines of the corpus.
                if (_parts[c].Peek(PrefetchAhead, out long ahead))
                    _corpus.Prefetch(ahead, _key);
                // A stored cap below a longer key only says "at least the cap": count on from there.
                if (lcp == _parts[c].Cap && _key > lcp)
                    lcp = _corpus.KeyLcp(output, next, lcp - 1, _key, out _);
                _pos[c] = next;
                _lcp[c] = lcp;
            }
            else
            {
                _pos[c] = -1;
            }
            for (int node = (c + _pos.Length) >> 1; node >= 1; node >>= 1)
            {
                int l = _tree[node];
                if (LoserWins(c, l))
                {
                    _tree[node] = c;
                    c = l;
                }
            }
            _tree[0] = c;
        }

        // Whether the loser l stored at a node beats the contender c; both LCPs are against the same suffix.
        private bool LoserWins(int c, int l)
        {
            if (_pos[c] < 0)
                return _pos[l] >= 0;
            if (_pos[l] < 0)
                return false;
            int hc = _lcp[c], hl = _lcp[l];
            if (hl != hc)
                return hl > hc; // agreeing longer with the common smaller suffix means smaller; the loser's LCP stays right
            if (hc == _key)
                return false; // both equal that suffix's key
            int m = Compare(c, l, hc, out int order);
            if (order > 0)
            {
                _lcp[c] = m;
                return true;
            }
            _lcp[l] = m;
            return false;
        }

        // Common key prefix and order of two players known to agree on their first h < key bytes.
        private int Compare(int a, int b, int h, out int order)
        {
            if (h < 8)
            {
                ulong x = Prefix(a), y = Prefix(b);
                int limit = Math.Min(_key, 8);
                int differ = x == y ? 8 : System.Numerics.BitOperations.LeadingZeroCount(x ^ y) >> 3;
                int end = FirstTerminator(x);
                if (end < differ && end < limit)
                {
                    order = 0;
                    return end + 1;
                }
                if (differ < limit)
                {
                    order = x < y ? -1 : 1; // big-endian: the first differing byte decides
                    return differ;
                }
                if (_key <= 8)
                {
                    order = 0;
                    return _key;
                }
                h = 8; // eight equal bytes, none a terminator
            }
            else
            {
                h--; // the last known byte may be a terminator: let the scan see it
            }
            return _corpus.KeyLcp(_pos[a], _pos[b], h, _key, out order);
        }

        private ulong Prefix(int p)
        {
            if (_prefixAt[p] != _pos[p])
            {
                _prefix[p] = _corpus.Prefix(_pos[p]);
                _prefixAt[p] = _pos[p];
            }
            return _prefix[p];
        }

        // Index of the first 0xFF byte of a big-endian prefix, 8 if none (exact per byte: no carry crosses bytes).
        private static int FirstTerminator(ulong prefix)
        {
            const ulong low7 = 0x7F7F_7F7F_7F7F_7F7FUL;
            ulong t = ~prefix;
            ulong zero = ~(((t & low7) + low7) | t | low7);
            return zero == 0 ? 8 : System.Numerics.BitOperations.LeadingZeroCount(zero) >> 3;
        }
    }

    /// <summary>Streams a part's suffix array and its LCP file in step.</summary>
    private sealed class PartReader : IDisposable
    {
        private readonly string _path;
        private readonly long _offset;
        private readonly FileStream _file;
        private readonly FileStream _lcpFile;
        private readonly int[] _buffer = new int[BufferInts];
        private readonly byte[] _lcp = new byte[BufferInts];
        private int _count, _next;

        public PartReader(string path, string lcpPath, long offset, int cap)
        {
            _path = path;
            _offset = offset;
            _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            _lcpFile = new FileStream(lcpPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            Span<byte> header = stackalloc byte[SuffixArrayParts.LcpHeaderBytes];
            if (_lcpFile.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) != header.Length
                || System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(header) != SuffixArrayParts.LcpMagic)
                throw new InvalidDataException($"{lcpPath}: not an LCP file of this version; delete the work folder and rerun");
            Cap = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
            if (Cap != cap)
                throw new InvalidDataException($"{lcpPath}: LCPs capped at {Cap} where this merge needs {cap} (built for another minimum length); delete the work folder and rerun");
        }

        /// <summary>The position <paramref name="ahead"/> suffixes after the last one read, if it is in the buffer.</summary>
        public bool Peek(int ahead, out long position)
        {
            int i = _next - 1 + ahead;
            position = i < _count ? _offset + _buffer[i] : -1;
            return i < _count;
        }

        /// <summary>Largest LCP the file stores.</summary>
        public int Cap { get; }

        /// <param name="lcp">Common key prefix with the part's previous suffix, capped at <see cref="Cap"/> (0 for the first).</param>
        /// <param name="keyEnds">Whether the suffix's first key bytes hold a terminator.</param>
        public bool TryNext(out long position, out int lcp, out bool keyEnds)
        {
            if (_next == _count)
            {
                int bytes = _file.ReadAtLeast(MemoryMarshal.AsBytes(_buffer.AsSpan()), BufferInts * sizeof(int), throwOnEndOfStream: false);
                if (bytes % sizeof(int) != 0)
                    throw new InvalidDataException($"{_path}: truncated suffix-array part ({bytes} bytes read); delete the work folder and rerun");
                _count = bytes / sizeof(int);
                _next = 0;
                if (_lcpFile.ReadAtLeast(_lcp.AsSpan(0, _count), _count, throwOnEndOfStream: false) != _count)
                    throw new InvalidDataException($"{_path}: its LCP file is shorter than the suffix array; delete the work folder and rerun");
                if (_count == 0)
                {
                    position = -1;
                    lcp = 0;
                    keyEnds = false;
                    return false;
                }
            }
            byte stored = _lcp[_next];
            lcp = stored & ~SuffixArrayParts.KeyEnds;
            keyEnds = stored >= SuffixArrayParts.KeyEnds;
            position = _offset + _buffer[_next++];
            return true;
        }

        public void Dispose()
        {
            _file.Dispose();
            _lcpFile.Dispose();
        }
    }
}
