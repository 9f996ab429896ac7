using System.Runtime.InteropServices;

namespace Assay.Core.IO;

/// <summary>P/Invoke to the system's libzstd.so.1 (Debian package libzstd1): streaming API only.</summary>
internal static unsafe partial class ZstdNative
{
    private const string Lib = "libzstd.so.1";

    [StructLayout(LayoutKind.Sequential)]
    internal struct Buffer
    {
        public void* Ptr;
        public nuint Size;
        public nuint Pos;
    }

    [LibraryImport(Lib)] internal static partial nint ZSTD_createDStream();
    [LibraryImport(Lib)] internal static partial nuint ZSTD_freeDStream(nint zds);
    [LibraryImport(Lib)] internal static partial nuint ZSTD_initDStream(nint zds);
    [LibraryImport(Lib)] internal static partial nuint ZSTD_decompressStream(nint zds, Buffer* output, Buffer* input);
    [LibraryImport(Lib)] internal static partial nint ZSTD_createCCtx();
    [LibraryImport(Lib)] internal static partial nuint ZSTD_freeCCtx(nint cctx);
    [LibraryImport(Lib)] internal static partial nuint ZSTD_CCtx_setParameter(nint cctx, int param, int value);
    [LibraryImport(Lib)] internal static partial nuint ZSTD_compressStream2(nint cctx, Buffer* output, Buffer* input, int endOp);
    [LibraryImport(Lib)] internal static partial uint ZSTD_isError(nuint code);
    [LibraryImport(Lib)] internal static partial nint ZSTD_getErrorName(nuint code);
    [LibraryImport(Lib)] internal static partial nuint ZSTD_DStreamOutSize();
    [LibraryImport(Lib)] internal static partial nuint ZSTD_CStreamOutSize();

    internal const int CompressionLevelParam = 100; // ZSTD_c_compressionLevel
    internal const int EndContinue = 0, EndFlush = 1, EndEnd = 2;

    internal static void Check(nuint code, string what)
    {
        if (ZSTD_isError(code) != 0)
            throw new InvalidDataException($"zstd {what} failed: {Marshal.PtrToStringAnsi(ZSTD_getErrorName(code))}");
    }

    /// <summary>Turns a missing library into an error that says what to install.</summary>
    internal static T Guard<T>(Func<T> create)
    {
        try { return create(); }
        catch (DllNotFoundException e)
        {
            throw new InvalidOperationException(
                "reading or writing .zst needs the system zstd library (libzstd.so.1): install the Debian package 'libzstd1' (apt-get install libzstd1)", e);
        }
    }
}
