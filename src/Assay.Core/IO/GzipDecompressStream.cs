using System.Runtime.InteropServices;

namespace Assay.Core.IO;

/// <summary>
/// Read-only gzip decompression through zlib that (a) reads concatenated members like gzip(1)
/// and (b) fails on a truncated file instead of returning a short read.
/// </summary>
public sealed unsafe class GzipDecompressStream : ReadOnlyStream
{
    private readonly Stream _inner;
    private readonly byte[] _in = new byte[1 << 17];
    private readonly ZlibNative.ZStream* _z;
    private GCHandle _pin;
    private bool _innerEof, _memberOpen, _sawData;

    public GzipDecompressStream(Stream inner)
    {
        _inner = inner;
        _z = (ZlibNative.ZStream*)NativeMemory.AllocZeroed((nuint)sizeof(ZlibNative.ZStream));
        _pin = GCHandle.Alloc(_in, GCHandleType.Pinned);
        int rc;
        try
        {
            var version = Marshal.PtrToStringAnsi(ZlibNative.zlibVersion())!;
            rc = ZlibNative.inflateInit2_(_z, 15 + 16, version, sizeof(ZlibNative.ZStream)); // 15+16: gzip wrapper only
        }
        catch (DllNotFoundException e)
        {
            throw new InvalidOperationException("reading .gz needs the system zlib (libz.so.1): install the Debian package 'zlib1g'", e);
        }
        if (rc != ZlibNative.Ok) throw new InvalidOperationException($"zlib inflateInit2 failed ({rc})");
    }

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty) return 0;
        fixed (byte* pout = buffer)
        {
            while (true)
            {
                if (_z->AvailIn == 0 && !_innerEof)
                {
                    int n = _inner.Read(_in, 0, _in.Length);
                    if (n == 0) _innerEof = true;
                    else { _z->NextIn = (byte*)_pin.AddrOfPinnedObject(); _z->AvailIn = (uint)n; _sawData = true; }
                }
                if (_z->AvailIn == 0 && _innerEof)
                {
                    if (!_sawData) throw new InvalidDataException("empty .gz file");
                    if (_memberOpen) throw new InvalidDataException("truncated gzip stream (the file ends inside compressed data)");
                    return 0;
                }
                _z->NextOut = pout;
                _z->AvailOut = (uint)buffer.Length;
                int rc = ZlibNative.inflate(_z, ZlibNative.NoFlush);
                int produced = buffer.Length - (int)_z->AvailOut;
                if (rc == ZlibNative.StreamEnd)
                {
                    _memberOpen = false;
                    ZlibNative.inflateReset(_z); // another member may follow
                }
                else if (rc == ZlibNative.Ok || rc == ZlibNative.BufError) _memberOpen = true;
                else throw new InvalidDataException($"corrupt gzip data: {Marshal.PtrToStringAnsi(_z->Msg) ?? "zlib error " + rc}");
                if (produced > 0) return produced;
            }
        }
    }


    protected override void Dispose(bool disposing)
    {
        if (_z != null)
        {
            ZlibNative.inflateEnd(_z);
            NativeMemory.Free(_z);
        }
        if (_pin.IsAllocated) _pin.Free();
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }
}
