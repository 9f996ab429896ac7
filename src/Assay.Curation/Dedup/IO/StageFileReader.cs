using System.Buffers.Binary;
using System.Text;
using Assay.Core.Hashing;

namespace Assay.Curation.Dedup;

/// <summary>
/// Reads a file written by <see cref="StageFileWriter"/>: checks magic, version and the length
/// recorded in the footer when opened, recomputes the checksum while streaming and throws at the
/// end of the payload (<see cref="VerifyEnd"/>) if it differs. Errors name the file and say how
/// to recover.
/// </summary>
internal sealed class StageFileReader : IDisposable
{
    private readonly FileStream _stream;
    private readonly byte[] _block = new byte[StageFileWriter.BlockSize];
    private readonly long _payload;
    private readonly ulong _expected;
    private long _consumedBlocks;
    private int _len;
    private int _pos;
    private ulong _checksum;

    public StageFileReader(string path, string magic, int version)
    {
        Path = path;
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: stage file not found; run the stage that produces it first.", path);
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Span<byte> header = stackalloc byte[12];
        if (_stream.Length < 28 || _stream.Read(header) != 12)
            Fail("file too short for a header and footer");
        string found = Encoding.ASCII.GetString(header[..8]);
        if (found != magic)
            Fail($"magic '{found}' is not '{magic}' (wrong file passed to this stage?)");
        int v = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        if (v != version)
            Fail($"version {v}, this build reads version {version}; rerun the stage that produced it");
        Span<byte> footer = stackalloc byte[16];
        _stream.Seek(-16, SeekOrigin.End);
        _stream.ReadExactly(footer);
        _payload = BinaryPrimitives.ReadInt64LittleEndian(footer);
        _expected = BinaryPrimitives.ReadUInt64LittleEndian(footer[8..]);
        if (_payload != _stream.Length - 28)
            Fail($"footer says {_payload} payload bytes but the file holds {_stream.Length - 28} (truncated?)");
        _stream.Seek(12, SeekOrigin.Begin);
    }

    public string Path { get; }

    /// <summary>Payload bytes after the header, before the footer.</summary>
    public long PayloadLength => _payload;

    /// <summary>True when every payload byte has been read.</summary>
    public bool AtEnd => _pos == _len && _consumedBlocks * (long)StageFileWriter.BlockSize >= _payload;

    public void Read(Span<byte> dest)
    {
        while (!dest.IsEmpty)
        {
            if (_pos == _len)
                NextBlock();
            int n = Math.Min(dest.Length, _len - _pos);
            _block.AsSpan(_pos, n).CopyTo(dest);
            _pos += n;
            dest = dest[n..];
        }
    }

    public int ReadInt32()
    {
        Span<byte> b = stackalloc byte[4];
        Read(b);
        return BinaryPrimitives.ReadInt32LittleEndian(b);
    }

    public long ReadInt64()
    {
        Span<byte> b = stackalloc byte[8];
        Read(b);
        return BinaryPrimitives.ReadInt64LittleEndian(b);
    }

    public ulong ReadUInt64()
    {
        Span<byte> b = stackalloc byte[8];
        Read(b);
        return BinaryPrimitives.ReadUInt64LittleEndian(b);
    }

    public double ReadDouble()
    {
        Span<byte> b = stackalloc byte[8];
        Read(b);
        return BinaryPrimitives.ReadDoubleLittleEndian(b);
    }

    public void ReadUInt64s(Span<ulong> dest)
    {
        if (BitConverter.IsLittleEndian)
        {
            Read(System.Runtime.InteropServices.MemoryMarshal.AsBytes(dest));
            return;
        }
        for (int i = 0; i < dest.Length; i++)
            dest[i] = ReadUInt64();
    }

    public string ReadString()
    {
        int n = ReadInt32();
        if (n < 0 || n > _payload)
            Fail($"corrupt string length {n}");
        byte[] buf = System.Buffers.ArrayPool<byte>.Shared.Rent(n);
        Read(buf.AsSpan(0, n));
        string s = Encoding.UTF8.GetString(buf, 0, n);
        System.Buffers.ArrayPool<byte>.Shared.Return(buf);
        return s;
    }

    /// <summary>Reads any remaining payload and checks the checksum.</summary>
    public void VerifyEnd()
    {
        while (_consumedBlocks * (long)StageFileWriter.BlockSize < _payload)
            NextBlock();
        if (_checksum != _expected)
            Fail("checksum mismatch (file corrupted); delete it and rerun the stage that produced it");
    }

    private void NextBlock()
    {
        long remaining = _payload - _consumedBlocks * StageFileWriter.BlockSize;
        if (remaining <= 0)
            Fail("read past the end of the payload (file does not match its header)");
        int n = (int)Math.Min(remaining, StageFileWriter.BlockSize);
        _stream.ReadExactly(_block, 0, n);
        _checksum = XxHash64.Hash(_block.AsSpan(0, n), _checksum);
        _consumedBlocks++;
        _len = n;
        _pos = 0;
    }

    private void Fail(string message) => throw new InvalidDataException($"{Path}: {message}");

    public void Dispose() => _stream.Dispose();
}
