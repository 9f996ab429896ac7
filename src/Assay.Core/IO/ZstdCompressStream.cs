namespace Assay.Core.IO;

/// <summary>Write-only stream that zstd-compresses into an inner stream; the frame is closed on dispose.</summary>
public sealed unsafe class ZstdCompressStream : WriteOnlyStream
{
    private readonly Stream _inner;
    private readonly nint _cctx;
    private readonly byte[] _out = new byte[1 << 17];
    private bool _finished;

    /// <param name="level">zstd level; 3 is zstd's own default, a good speed/ratio balance for shards.</param>
    public ZstdCompressStream(Stream inner, int level = 3)
    {
        _inner = inner;
        _cctx = ZstdNative.Guard(() => ZstdNative.ZSTD_createCCtx());
        ZstdNative.Check(ZstdNative.ZSTD_CCtx_setParameter(_cctx, ZstdNative.CompressionLevelParam, level), "set level");
    }

    public override void Write(ReadOnlySpan<byte> data)
    {
        fixed (byte* pin = data)
        fixed (byte* pout = _out)
        {
            var input = new ZstdNative.Buffer { Ptr = pin, Size = (nuint)data.Length, Pos = 0 };
            while (input.Pos < input.Size)
            {
                var output = new ZstdNative.Buffer { Ptr = pout, Size = (nuint)_out.Length, Pos = 0 };
                ZstdNative.Check(ZstdNative.ZSTD_compressStream2(_cctx, &output, &input, ZstdNative.EndContinue), "compression");
                if (output.Pos > 0) _inner.Write(_out, 0, (int)output.Pos);
            }
        }
    }

    private void Finish()
    {
        if (_finished) return;
        _finished = true;
        fixed (byte* pout = _out)
        {
            var input = new ZstdNative.Buffer { Ptr = null, Size = 0, Pos = 0 };
            nuint remaining;
            do
            {
                var output = new ZstdNative.Buffer { Ptr = pout, Size = (nuint)_out.Length, Pos = 0 };
                remaining = ZstdNative.ZSTD_compressStream2(_cctx, &output, &input, ZstdNative.EndEnd);
                ZstdNative.Check(remaining, "compression end");
                if (output.Pos > 0) _inner.Write(_out, 0, (int)output.Pos);
            } while (remaining != 0);
        }
        _inner.Flush();
    }

    public override void Flush() => _inner.Flush();

    protected override void Dispose(bool disposing)
    {
        try { if (disposing) Finish(); }
        finally
        {
            if (_cctx != 0) ZstdNative.ZSTD_freeCCtx(_cctx);
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
