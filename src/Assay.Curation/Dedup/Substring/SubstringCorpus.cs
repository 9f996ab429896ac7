using System.IO.MemoryMappedFiles;

namespace Assay.Curation.Dedup;

/// <summary>
/// The memory-mapped corpus of a disk-backed substring dedup (as google-research
/// deduplicate-text-datasets compares suffixes against the mmapped text). Documents end in 0xFF, a
/// byte well-formed UTF-8 never contains, so a document end costs one byte instead of a unique int
/// separator per document (which would quadruple the suffix-array input).
/// </summary>
internal sealed unsafe class SubstringCorpus : IDisposable
{
    public const byte Terminator = 0xFF;

    private readonly MemoryMappedFile? _map;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly byte* _text;

    /// <param name="starts">Start offset of every document, then the file length.</param>
    public SubstringCorpus(string path, long[] starts)
    {
        Starts = starts;
        Length = starts[^1];
        if (Length == 0)
            return;
        _map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        _view = _map.CreateViewAccessor(0, Length, MemoryMappedFileAccess.Read);
        byte* p = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
        _text = p + _view.PointerOffset;
    }

    public long Length { get; }

    /// <summary>Document d is [Starts[d], Starts[d + 1] − 1), its terminator at Starts[d + 1] − 1.</summary>
    public long[] Starts { get; }

    public int Count => Starts.Length - 1;

    private const int BlockShift = 12;
    private int[]? _blockDocuments; // the document holding the first byte of each 4 KiB block

    /// <summary>
    /// The document holding byte <paramref name="pos"/>: a binary search among the documents that share its 4 KiB block
    /// (a table of 4 bytes per block, built on first use), not among all of them.
    /// </summary>
    public int DocumentAt(long pos)
    {
        var blocks = _blockDocuments ??= BlockDocuments();
        int b = (int)(pos >> BlockShift);
        int lo = blocks[b], hi = b + 1 < blocks.Length ? blocks[b + 1] : Count - 1;
        int i = Array.BinarySearch(Starts, lo, hi - lo + 1, pos);
        return i >= 0 ? i : ~i - 1;
    }

    private int[] BlockDocuments()
    {
        var blocks = new int[(int)((Length + (1 << BlockShift) - 1) >> BlockShift)];
        int d = 0;
        for (int b = 0; b < blocks.Length; b++)
        {
            while (Starts[d + 1] <= (long)b << BlockShift)
                d++;
            blocks[b] = d;
        }
        return blocks;
    }

    public ReadOnlySpan<byte> Slice(long start, int length)
    {
        if (start < 0 || length < 0 || start + length > Length)
            throw new ArgumentOutOfRangeException(nameof(start), $"[{start}, {start + length}) outside the corpus of {Length} bytes");
        return new ReadOnlySpan<byte>(_text + start, length);
    }

    /// <summary>
    /// Common prefix of the suffixes at <paramref name="a"/> and <paramref name="b"/> as keys: the
    /// first <paramref name="key"/> bytes, cut after a document's terminator (which counts as a
    /// common byte, so two suffixes ending their documents alike share it and are equal keys).
    /// <paramref name="order"/> compares the two keys (0 when equal). A suffix array over the raw
    /// bytes is sorted under this order too, which is what lets part arrays be merged with it.
    /// The caller knows the first <paramref name="from"/> bytes agree and hold no terminator, except
    /// possibly the last of them.
    /// </summary>
    public int KeyLcp(long a, long b, int from, int key, out int order)
    {
        // The corpus ends with a terminator, so both scans stop inside it.
        int len = (int)Math.Min(key, Length - Math.Max(a, b));
        var x = new ReadOnlySpan<byte>(_text + a + from, len - from);
        var y = new ReadOnlySpan<byte>(_text + b + from, len - from);
        int m = x.CommonPrefixLength(y);
        int end = x[..m].IndexOf(Terminator);
        if (end >= 0 || m == x.Length)
        {
            order = 0;
            return end >= 0 ? from + end + 1 : len;
        }
        order = x[m] < y[m] ? -1 : 1;
        return from + m;
    }

    /// <summary>Asks the cache for the lines of [<paramref name="pos"/>, <paramref name="pos"/> + <paramref name="bytes"/>) ahead of their use (a hint; no-op where unsupported).</summary>
    public void Prefetch(long pos, int bytes)
    {
        if (!System.Runtime.Intrinsics.X86.Sse.IsSupported || pos >= Length)
            return;
        long last = Math.Min(pos + bytes, Length) - 1;
        for (long line = pos & ~63L; line <= last; line += 64)
            System.Runtime.Intrinsics.X86.Sse.Prefetch0(_text + Math.Max(line, pos));
    }

    /// <summary>
    /// The first 8 bytes of the suffix at <paramref name="pos"/>, big-endian (so comparing two as
    /// integers compares the bytes), padded with terminators past the end of the corpus.
    /// </summary>
    public ulong Prefix(long pos)
    {
        if (pos + 8 <= Length)
            return System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(new ReadOnlySpan<byte>(_text + pos, 8));
        ulong v = 0;
        for (int i = 0; i < 8; i++)
            v = v << 8 | (pos + i < Length ? _text[pos + i] : Terminator);
        return v;
    }

    public void Dispose()
    {
        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
        }
        _map?.Dispose();
    }
}
