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
/// Memory: one read buffer per part and one bit per corpus byte (two for k = 1).
/// </summary>
internal static class SuffixArrayMerge
{
    private const int BufferInts = 1 << 16;

    /// <summary>Marks per position: lpf ≥ k, and for k = 1 also lpf ≥ 2 (see the type's remarks), else null.</summary>
    /// <param name="earlier">
    /// Which of two positions counts as the first occurrence (default: the lower offset). Pipelines pass an order by
    /// record id so the result does not depend on how the stage was split into tasks. Marks are then those of the
    /// corpus with its documents reordered that way: k-byte keys never span a document's terminator.
    /// </param>
    public static (ulong[] Marks, ulong[]? Longer) MarkRepeats(SubstringCorpus corpus, IReadOnlyList<(long Start, int Length)> parts, string dir, int k, CancellationToken ct,
        Func<long, long, bool>? earlier = null)
    {
        var marks = new ulong[(corpus.Length + 63) >> 6];
        var longer = k == 1 ? new ulong[marks.Length] : null;
        int key = longer is null ? k : 2;
        var readers = new PartReader[parts.Count];
        try
        {
            for (int p = 0; p < parts.Count; p++)
                readers[p] = new PartReader(SuffixArrayParts.PartPath(dir, p), parts[p].Start);
            var order = new HeadOrder(corpus, key);
            var queue = new PriorityQueue<int, Head>(parts.Count, order);
            for (int p = 0; p < readers.Length; p++)
            {
                if (readers[p].TryNext(out long pos))
                    queue.Enqueue(p, new Head(corpus.Prefix(pos), pos));
            }
            Head prev = new(0, -1);
            long least = -1, leastLonger = -1, n = 0;
            while (queue.TryPeek(out int part, out Head head))
            {
                if ((++n & 0xFFFFF) == 0)
                    ct.ThrowIfCancellationRequested();
                int lcp = prev.Pos >= 0 ? order.Lcp(prev, head) : 0;
                Mark(marks, lcp >= k, ref least, head.Pos, earlier);
                if (longer is not null)
                    Mark(longer, lcp >= 2, ref leastLonger, head.Pos, earlier);
                prev = head;
                // Replacing the minimum is one sift-down, where dequeue then enqueue is two.
                if (readers[part].TryNext(out long next))
                    queue.DequeueEnqueue(part, new Head(corpus.Prefix(next), next));
                else
                    queue.Dequeue();
            }
        }
        finally
        {
            foreach (var r in readers)
                r?.Dispose();
        }
        return (marks, longer);
    }

    // In a run of equal keys every position but the first (by `earlier`, default the smallest) is marked.
    private static void Mark(ulong[] marks, bool sameKey, ref long least, long pos, Func<long, long, bool>? earlier)
    {
        if (!sameKey)
        {
            least = pos;
            return;
        }
        bool posFirst = earlier is null ? pos < least : earlier(pos, least);
        long later = posFirst ? least : pos;
        marks[later >> 6] |= 1UL << (int)(later & 63);
        if (posFirst) least = pos;
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

    /// <summary>A part's current suffix with its first 8 bytes cached, so most comparisons never touch the mapped text.</summary>
    private readonly record struct Head(ulong Prefix, long Pos);

    /// <summary>Order and common prefix of two heads by their first <c>key</c> bytes, as <see cref="SubstringCorpus.KeyPrefix"/>, from the cached bytes where they decide.</summary>
    private sealed class HeadOrder(SubstringCorpus corpus, int key) : IComparer<Head>
    {
        private readonly int _cached = Math.Min(key, 8);

        public int Compare(Head x, Head y)
        {
            int c = Lcp(x, y, out bool decided);
            if (!decided)
            {
                corpus.KeyPrefix(x.Pos, y.Pos, key, out int order);
                if (order != 0)
                    return order;
            }
            else if (c < _cached && Byte(x.Prefix, c) != Byte(y.Prefix, c))
            {
                return x.Prefix < y.Prefix ? -1 : 1; // big-endian: the first differing byte decides
            }
            return x.Pos.CompareTo(y.Pos); // equal keys: any order groups them; position keeps it deterministic
        }

        public int Lcp(Head x, Head y)
        {
            int c = Lcp(x, y, out bool decided);
            return decided ? c : corpus.KeyPrefix(x.Pos, y.Pos, key, out _);
        }

        // Common prefix from the cached bytes; not decided when the first 8 agree, hold no
        // terminator and the key is longer than 8.
        private int Lcp(Head x, Head y, out bool decided)
        {
            ulong diff = x.Prefix ^ y.Prefix;
            int differ = diff == 0 ? 8 : System.Numerics.BitOperations.LeadingZeroCount(diff) >> 3;
            int same = Math.Min(differ, _cached);
            for (int i = 0; i < same; i++)
            {
                if (Byte(x.Prefix, i) == SubstringCorpus.Terminator)
                {
                    decided = true;
                    return i;
                }
            }
            decided = differ < _cached || key <= 8;
            return same;
        }

        private static byte Byte(ulong prefix, int i) => (byte)(prefix >> (56 - 8 * i));
    }

    private sealed class PartReader(string path, long offset) : IDisposable
    {
        private readonly FileStream _file = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        private readonly int[] _buffer = new int[BufferInts];
        private int _count, _next;

        public bool TryNext(out long position)
        {
            if (_next == _count)
            {
                int bytes = _file.ReadAtLeast(MemoryMarshal.AsBytes(_buffer.AsSpan()), BufferInts * sizeof(int), throwOnEndOfStream: false);
                if (bytes % sizeof(int) != 0)
                    throw new InvalidDataException($"{path}: truncated suffix-array part ({bytes} bytes read); delete the work folder and rerun");
                _count = bytes / sizeof(int);
                _next = 0;
                if (_count == 0)
                {
                    position = -1;
                    return false;
                }
            }
            position = offset + _buffer[_next++];
            return true;
        }

        public void Dispose() => _file.Dispose();
    }
}
