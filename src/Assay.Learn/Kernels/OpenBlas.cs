using System.Runtime.InteropServices;

namespace Assay.Learn.Kernels;

/// <summary>
/// Optional binding to OpenBLAS's cblas_sgemm, resolved at run time from libopenblas.so.0 (or a
/// path in ASSAY_OPENBLAS). Nothing fails when it is missing: MatMul falls back to managed code.
/// </summary>
internal static unsafe class OpenBlas
{
    public const int RowMajor = 101, NoTrans = 111, Trans = 112;

    private static readonly delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> Sgemm;
    private static readonly delegate* unmanaged<int, void> SetNumThreads;

    static OpenBlas()
    {
        string[] candidates = Environment.GetEnvironmentVariable("ASSAY_OPENBLAS") is { Length: > 0 } p
            ? [p]
            : ["libopenblas.so.0", "libopenblas.so", "libopenblas.dylib", "libopenblas.dll"];
        foreach (var name in candidates)
        {
            if (!NativeLibrary.TryLoad(name, out var handle)) continue;
            if (!NativeLibrary.TryGetExport(handle, "cblas_sgemm", out var sgemm)) continue;
            Sgemm = (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)sgemm;
            if (NativeLibrary.TryGetExport(handle, "openblas_set_num_threads", out var st))
            {
                SetNumThreads = (delegate* unmanaged<int, void>)st;
                SetNumThreads(LearnThreads.Count);
            }
            LibraryName = name;
            return;
        }
    }

    public static bool IsAvailable => Sgemm != null;

    public static string? LibraryName { get; }

    public static void TrySetThreads(int n)
    {
        if (SetNumThreads != null) SetNumThreads(n);
    }

    /// <summary>Row-major C (m, n) = alpha * op(A) · op(B) + beta * C.</summary>
    public static void Gemm(bool transA, bool transB, int m, int n, int k, float alpha, float* a, int lda, float* b, int ldb, float beta, float* c, int ldc)
    {
        if (m == 0 || n == 0) return;
        Sgemm(RowMajor, transA ? Trans : NoTrans, transB ? Trans : NoTrans, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }
}
