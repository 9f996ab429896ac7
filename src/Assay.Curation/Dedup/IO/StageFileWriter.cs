using System.Buffers.Binary;
using System.Text;
using Assay.Core.Hashing;

namespace Assay.Curation.Dedup;

/// <summary>
/// Writes one binary stage file: 8-byte ASCII magic, int32 version, payload, then a footer of
/// payload length (int64) and a checksum (int64). The checksum chains xxHash64 over fixed 64 KiB
/// blocks (seed = previous block's hash), so it is computed while streaming and does not depend on
/// how the payload was split into writes. Written to <c>path.tmp</c> and renamed on
/// <see cref="Complete"/>, so a crashed stage never leaves a file that looks finished
/// (datatrove's completion discipline).
/// </summary>
internal sealed class StageFileWriter : IDisposable
{
    internal const int BlockSize = 1 << 16;
    private readonly string _path;
    private readonly string _tmp;
    private readonly FileStream _stream;
    private readonly byte[] _block = new byte[BlockSize];
    private int _fill;
    private long _payload;
    private ulong _checksum;
    private bool _completed;

    public StageFileWriter(string path, string magic, int version)
    {
        if (magic.Length != 8)
            throw new ArgumentException("magic must be 8 ASCII characters", nameof(magic));
        _path = path;
        _tmp = path + ".tmp";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _stream = new FileStream(_tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Span<byte> header = stackalloc byte[12];
        Encoding.ASCII.GetBytes(magic, header);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], version);
        _stream.Write(header);
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            int n = Math.Min(data.Length, BlockSize - _fill);
            data[..n].CopyTo(_block.AsSpan(_fill));
            _fill += n;
            data = data[n..];
            if (_fill == BlockSize)
                FlushBlock();
        }
    }

    public void WriteInt32(int value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(b, value);
        Write(b);
    }

    public void WriteInt64(long value)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(b, value);
        Write(b);
    }

    public void WriteUInt64(ulong value)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(b, value);
        Write(b);
    }

    public void WriteDouble(double value)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(b, value);
        Write(b);
    }

    public void WriteUInt64s(ReadOnlySpan<ulong> values)
    {
        if (BitConverter.IsLittleEndian)
        {
            Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values));
            return;
        }
        foreach (ulong v in values)
            WriteUInt64(v);
    }

    public void WriteString(string value)
    {
        int max = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[] rented = System.Buffers.ArrayPool<byte>.Shared.Rent(max);
        int n = Encoding.UTF8.GetBytes(value, rented);
        WriteInt32(n);
        Write(rented.AsSpan(0, n));
        System.Buffers.ArrayPool<byte>.Shared.Return(rented);
    }

    private void FlushBlock()
    {
        _checksum = XxHash64.Hash(_block.AsSpan(0, _fill), _checksum);
        _stream.Write(_block, 0, _fill);
        _payload += _fill;
        _fill = 0;
    }

    /// <summary>Writes the footer, flushes to disk and renames the file into place.</summary>
    public void Complete()
    {
        if (_fill > 0)
            FlushBlock();
        Span<byte> footer = stackalloc byte[16];
        BinaryPrimitives.WriteInt64LittleEndian(footer, _payload);
        BinaryPrimitives.WriteUInt64LittleEndian(footer[8..], _checksum);
        _stream.Write(footer);
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        File.Move(_tmp, _path, overwrite: true);
        _completed = true;
    }

    public void Dispose()
    {
        if (_completed)
            return;
        _stream.Dispose();
        File.Delete(_tmp);
    }
}
