namespace Assay.Core.IO;

/// <summary>Read-only stream that decompresses zstd frames (concatenated frames allowed) from an inner stream.</summary>
public sealed unsafe class ZstdDecompressStream : ReadOnlyStream
{
    private readonly Stream _inner;
    private readonly nint _ds;
    private readonly byte[] _in = new byte[1 << 17];
    private int _inLen, _inPos;
    private bool _innerEof;
    private bool _frameOpen; // a frame has started and not yet been fully decoded and flushed
    private bool _sawData;

    public ZstdDecompressStream(Stream inner)
    {
        _inner = inner;
        _ds = ZstdNative.Guard(() => ZstdNative.ZSTD_createDStream());
        ZstdNative.Check(ZstdNative.ZSTD_initDStream(_ds), "init");
    }

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty) return 0;
        while (true)
        {
            if (_inPos == _inLen && !_innerEof)
            {
                _inLen = _inner.Read(_in, 0, _in.Length);
                _inPos = 0;
                if (_inLen == 0) _innerEof = true; else _sawData = true;
            }
            if (_inPos == _inLen && _innerEof)
            {
                if (!_sawData) throw new InvalidDataException("empty .zst file");
                if (!_frameOpen) return 0;
                int drained = Step(buffer); // flush what zstd still holds
                if (drained > 0) return drained;
                if (_frameOpen) throw new InvalidDataException("truncated zstd stream (the last frame is incomplete)");
                return 0;
            }
            int n = Step(buffer);
            if (n > 0) return n;
        }
    }

    private int Step(Span<byte> buffer)
    {
        fixed (byte* pin = _in)
        fixed (byte* pout = buffer)
        {
            var input = new ZstdNative.Buffer { Ptr = pin, Size = (nuint)_inLen, Pos = (nuint)_inPos };
            var output = new ZstdNative.Buffer { Ptr = pout, Size = (nuint)buffer.Length, Pos = 0 };
            nuint hint = ZstdNative.ZSTD_decompressStream(_ds, &output, &input);
            ZstdNative.Check(hint, "decompression");
            _frameOpen = hint != 0;
            _inPos = (int)input.Pos;
            return (int)output.Pos;
        }
    }


    protected override void Dispose(bool disposing)
    {
        if (_ds != 0) ZstdNative.ZSTD_freeDStream(_ds);
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }
}
