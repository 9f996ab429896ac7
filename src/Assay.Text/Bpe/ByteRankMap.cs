using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Assay.Text.Bpe;

/// <summary>
/// Token bytes → rank, as open addressing over one byte blob: no object per token, no string
/// keys, and a lookup hashes the span in place. Slots keep the full 32-bit hash so a probe
/// touches the blob only when the hashes agree. Tokens of at most 8 bytes (most of them, and
/// most of the lookups the merge makes) also sit in a second table whose 16-byte entries hold the
/// bytes packed in a ulong beside the rank, so such a lookup is one cache miss, not four.
/// </summary>
internal sealed class ByteRankMap
{
    [StructLayout(LayoutKind.Sequential)]
    private struct ShortEntry
    {
        public ulong Packed;   // the bytes, little-endian, zero-padded
        public int Length;     // 0 = empty slot
        public int Rank;
    }

    private readonly ShortEntry[] _short;
    private readonly int _shortMask;

    private readonly byte[] _blob;
    private readonly int[] _offsets;   // token i's bytes are _blob[_offsets[i] .. _offsets[i + 1])
    private readonly int[] _ranks;
    private readonly ulong[] _slots;   // (hash << 32) | (tokenIndex + 1); 0 = empty
    private readonly int _mask;

    public int Count => _ranks.Length;

    public ByteRankMap(IReadOnlyList<(byte[] Bytes, int Rank)> tokens)
    {
        var total = 0;
        foreach (var t in tokens) total += t.Bytes.Length;
        _blob = new byte[total];
        _offsets = new int[tokens.Count + 1];
        _ranks = new int[tokens.Count];
        var capacity = 16;
        while (capacity < tokens.Count * 2) capacity <<= 1;
        _slots = new ulong[capacity];
        _mask = capacity - 1;

        var shortCount = 0;
        foreach (var t in tokens) if (t.Bytes.Length <= 8) shortCount++;
        var shortCapacity = 16;
        while (shortCapacity < shortCount * 5 / 4) shortCapacity <<= 1;   // denser: 4 entries per cache line
        _short = new ShortEntry[shortCapacity];
        _shortMask = shortCapacity - 1;

        var pos = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var (bytes, rank) = tokens[i];
            _offsets[i] = pos;
            bytes.CopyTo(_blob, pos);
            pos += bytes.Length;
            _ranks[i] = rank;
            _offsets[i + 1] = pos;
            var h = Hash(bytes);
            var slot = (int)h & _mask;
            while (true)
            {
                var e = _slots[slot];
                if (e == 0) { _slots[slot] = ((ulong)h << 32) | (uint)(i + 1); break; }
                if ((uint)(e >> 32) == h && TokenBytes((int)(uint)e - 1).SequenceEqual(bytes))
                    throw new InvalidDataException($"Duplicate token bytes for ranks {_ranks[(int)(uint)e - 1]} and {rank}.");
                slot = (slot + 1) & _mask;
            }
            if (bytes.Length is > 0 and <= 8)
            {
                var packed = Pack(bytes);
                var s = ShortSlot(packed, bytes.Length);
                while (_short[s].Length != 0) s = (s + 1) & _shortMask;
                _short[s] = new ShortEntry { Packed = packed, Length = bytes.Length, Rank = rank };
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Pack(ReadOnlySpan<byte> b)
    {
        if (b.Length == 8) return BinaryPrimitives.ReadUInt64LittleEndian(b);
        ulong v = 0;
        if (b.Length >= 4)
        {
            // Two overlapping 4-byte reads cover 4..7 bytes without a byte loop.
            var lo = BinaryPrimitives.ReadUInt32LittleEndian(b);
            var hi = (ulong)BinaryPrimitives.ReadUInt32LittleEndian(b.Slice(b.Length - 4));
            return lo | (hi << ((b.Length - 4) * 8));
        }
        for (var j = b.Length - 1; j >= 0; j--) v = (v << 8) | b[j];
        return v;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int ShortSlot(ulong packed, int length)
    {
        var h = (packed + (ulong)length) * 0x9E3779B97F4A7C15UL;
        return (int)(h >> 40) & _shortMask;
    }

    private ReadOnlySpan<byte> TokenBytes(int index) => _blob.AsSpan(_offsets[index], _offsets[index + 1] - _offsets[index]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetRank(ReadOnlySpan<byte> key, out int rank)
    {
        if (key.Length <= 8) return TryGetShort(Pack(key), key.Length, out rank);
        var h = Hash(key);
        var slot = (int)h & _mask;
        while (true)
        {
            var e = _slots[slot];
            if (e == 0) { rank = 0; return false; }
            if ((uint)(e >> 32) == h)
            {
                var i = (int)(uint)e - 1;
                var start = _offsets[i];
                if (_offsets[i + 1] - start == key.Length && _blob.AsSpan(start, key.Length).SequenceEqual(key))
                {
                    rank = _ranks[i];
                    return true;
                }
            }
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Lookup of a token of 1–8 bytes given packed little-endian (first byte lowest), zero-padded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetShort(ulong packed, int length, out int rank)
    {
        var s = ShortSlot(packed, length);
        while (true)
        {
            ref var e = ref _short[s];
            if (e.Length == 0) { rank = 0; return false; }
            if (e.Packed == packed && e.Length == length) { rank = e.Rank; return true; }
            s = (s + 1) & _shortMask;
        }
    }

    /// <summary>
    /// 64-bit multiply-mix over 8-byte words, folded to 32 bits. Only needs to spread token bytes
    /// well across the table; it is not a persisted format.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Hash(ReadOnlySpan<byte> b)
    {
        const ulong k = 0x9E3779B97F4A7C15UL;
        var h = (ulong)b.Length * k;
        var i = 0;
        for (; i + 8 <= b.Length; i += 8)
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(b.Slice(i))) * k + 0x632BE59BD9B4E019UL;
        if (i < b.Length)
        {
            ulong tail = 0;
            for (var j = b.Length - 1; j >= i; j--) tail = (tail << 8) | b[j];
            h = (h ^ tail) * k + 0x632BE59BD9B4E019UL;
        }
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 32;
        return (uint)h;
    }
}
