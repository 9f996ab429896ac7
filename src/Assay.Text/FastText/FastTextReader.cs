using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Assay.Text.FastText;

/// <summary>
/// Little-endian cursor over a whole model file held in memory. fastText writes raw host-order
/// (x86, little-endian) structs, so every field is read at a fixed width. Errors name the file.
/// </summary>
internal ref struct FastTextReader(ReadOnlySpan<byte> data, string source)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _pos;

    public readonly string Source { get; } = source;
    public readonly int Position => _pos;
    public readonly bool AtEnd => _pos == _data.Length;

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));
    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));
    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));
    public float ReadSingle() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));
    public byte ReadByte() => Take(1)[0];
    public bool ReadBool() => Take(1)[0] != 0;

    public ReadOnlySpan<byte> ReadBytes(int count) => Take(count);

    /// <summary>A NUL-terminated string as fastText's dictionary stores words; returns the bytes without the NUL.</summary>
    public ReadOnlySpan<byte> ReadCString()
    {
        int end = _data[_pos..].IndexOf((byte)0);
        if (end < 0)
            Fail($"unterminated word at byte {_pos}");
        var s = _data.Slice(_pos, end);
        _pos += end + 1;
        return s;
    }

    public void ReadSingles(Span<float> dst)
    {
        var bytes = Take(checked(dst.Length * 4));
        if (BitConverter.IsLittleEndian)
            bytes.CopyTo(System.Runtime.InteropServices.MemoryMarshal.AsBytes(dst));
        else
            for (int i = 0; i < dst.Length; i++)
                dst[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(4 * i)..]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> Take(int n)
    {
        if ((uint)n > (uint)(_data.Length - _pos))
            Fail($"file ends at byte {_data.Length} while reading {n} bytes at {_pos}");
        var s = _data.Slice(_pos, n);
        _pos += n;
        return s;
    }

    public readonly void Fail(string what) => throw new FastTextFormatException(
        $"{Source}: not a valid fastText model ({what}). Expected a fastText .bin or .ftz file of format version 11 or 12.");
}
