using System.Security.Cryptography;

namespace Assay.Core.IO;

/// <summary>Write-through stream that counts bytes and computes SHA-256 of exactly what reaches the file.</summary>
internal sealed class HashingCountingStream(Stream inner) : WriteOnlyStream
{
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long Count { get; private set; }

    private byte[]? _final;

    /// <summary>The SHA-256 of everything written; valid after the stream is closed too.</summary>
    public string Sha256Hex() => Convert.ToHexStringLower(_final ?? _sha.GetCurrentHash());

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _sha.AppendData(buffer);
        Count += buffer.Length;
        inner.Write(buffer);
    }

    public override void WriteByte(byte value) => Write([value]);
    public override void Flush() => inner.Flush();
    public override long Length => Count;
    public override long Position { get => Count; set => throw new NotSupportedException(); }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _final is null) { _final = _sha.GetHashAndReset(); _sha.Dispose(); inner.Dispose(); }
        base.Dispose(disposing);
    }
}
