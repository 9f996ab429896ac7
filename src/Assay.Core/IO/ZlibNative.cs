using System.Runtime.InteropServices;

namespace Assay.Core.IO;

/// <summary>
/// P/Invoke to the system zlib (libz.so.1, Debian zlib1g). Used for reading gzip because
/// .NET's GZipStream ends quietly on a truncated file; inflate tells us the stream never ended.
/// </summary>
internal static unsafe partial class ZlibNative
{
    private const string Lib = "libz.so.1";

    [StructLayout(LayoutKind.Sequential)]
    internal struct ZStream
    {
        public byte* NextIn; public uint AvailIn; public nuint TotalIn;
        public byte* NextOut; public uint AvailOut; public nuint TotalOut;
        public nint Msg; public nint State;
        public nint ZAlloc; public nint ZFree; public nint Opaque;
        public int DataType; public nuint Adler; public nuint Reserved;
    }

    internal const int Ok = 0, StreamEnd = 1, BufError = -5, NoFlush = 0;

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int inflateInit2_(ZStream* strm, int windowBits, string version, int streamSize);
    [LibraryImport(Lib)] internal static partial int inflate(ZStream* strm, int flush);
    [LibraryImport(Lib)] internal static partial int inflateEnd(ZStream* strm);
    [LibraryImport(Lib)] internal static partial int inflateReset(ZStream* strm);
    [LibraryImport(Lib)] internal static partial nint zlibVersion();
}
