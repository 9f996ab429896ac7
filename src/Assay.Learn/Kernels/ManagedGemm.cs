using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Assay.Learn.Kernels;

/// <summary>
/// Register-blocked GEMM in managed code: C (m, n) (+)= A · B where A is addressed with explicit
/// row/column strides (so transposed operands need no copy) and B is row-major (k, n).
/// Each C element is summed by one thread in k order (blocks of Kc, each added to C in turn), so
/// results do not depend on thread count. Loop order and packing follow the usual BLIS scheme.
/// </summary>
internal static unsafe class ManagedGemm
{
    private const int Mr = 4;
    private const int Nr = 16; // two Vector256<float>

    /// <summary>c[i*ldc + j] (+)= sum_p a[i*aRow + p*aCol] * b[p*ldb + j].</summary>
    public static void Run(float* a, int aRow, int aCol, float* b, int ldb, float* c, int ldc, int m, int n, int k, bool accumulate)
    {
        if (m == 0 || n == 0) return;
        nint pa = (nint)a, pb = (nint)b, pc = (nint)c;
        int rowBlocks = (m + Mr - 1) / Mr;
        LearnThreads.For(rowBlocks, (long)Mr * n * Math.Max(k, 1), (start, end) =>
            Rows((float*)pa, aRow, aCol, (float*)pb, ldb, (float*)pc, ldc, start * Mr, Math.Min(end * Mr, m), n, k, accumulate));
    }

    private const int Kc = 256; // k-block: a packed 4 x Kc block of A stays in L1
    private const int Nc = 128; // column block: a Kc x Nc block of B (128 KiB) stays in L2

    private static void Rows(float* a, int aRow, int aCol, float* b, int ldb, float* c, int ldc, int m0, int m1, int n, int k, bool accumulate)
    {
        if (k == 0)
        {
            if (!accumulate)
                for (int i = m0; i < m1; i++) new Span<float>(c + (nint)i * ldc, n).Clear();
            return;
        }
        float* packed = stackalloc float[Mr * Kc];
        bool simd = Vector256.IsHardwareAccelerated;
        for (int kb = 0; kb < k; kb += Kc)
        {
            int kc = Math.Min(Kc, k - kb);
            // Later k-blocks add to what earlier ones wrote: a fixed order, so still deterministic.
            bool acc = accumulate || kb > 0;
            float* ak = a + (nint)kb * aCol;
            float* bk = b + (nint)kb * ldb;
            for (int jb = 0; jb < n; jb += Nc)
            {
                int jEnd = Math.Min(jb + Nc, n);
                for (int i = m0; i < m1; i += Mr)
                {
                    int mr = Math.Min(Mr, m1 - i);
                    float* ai = ak + (nint)i * aRow;
                    bool full = mr == Mr && simd;
                    if (full)
                    {
                        // Interleave the 4 rows so the kernel reads 4 consecutive floats per k.
                        for (int p = 0; p < kc; p++)
                        {
                            nint off = (nint)p * aCol;
                            packed[p * 4] = ai[off];
                            packed[p * 4 + 1] = ai[aRow + off];
                            packed[p * 4 + 2] = ai[2 * aRow + off];
                            packed[p * 4 + 3] = ai[3 * aRow + off];
                        }
                    }
                    for (int j = jb; j < jEnd; j += Nr)
                    {
                        int nr = Math.Min(Nr, jEnd - j);
                        float* cij = c + (nint)i * ldc + j;
                        if (full && nr == Nr)
                            Kernel4x16(packed, bk + j, ldb, cij, ldc, kc, acc);
                        else
                            Edge(ai, aRow, aCol, bk + j, ldb, cij, ldc, mr, nr, kc, acc);
                    }
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel4x16(float* packed, float* b, int ldb, float* c, int ldc, int k, bool accumulate)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<float> c20 = default, c21 = default, c30 = default, c31 = default;
        for (int p = 0; p < k; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            float* ap = packed + p * 4;
            var x = Vector256.Create(ap[0]);
            c00 = Vector256.FusedMultiplyAdd(x, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            x = Vector256.Create(ap[1]);
            c10 = Vector256.FusedMultiplyAdd(x, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            x = Vector256.Create(ap[2]);
            c20 = Vector256.FusedMultiplyAdd(x, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            x = Vector256.Create(ap[3]);
            c30 = Vector256.FusedMultiplyAdd(x, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
            b += ldb;
        }
        Store(c, c00, c01, accumulate);
        Store(c + ldc, c10, c11, accumulate);
        Store(c + 2 * ldc, c20, c21, accumulate);
        Store(c + 3 * ldc, c30, c31, accumulate);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, Vector256<float> v0, Vector256<float> v1, bool accumulate)
    {
        if (accumulate)
        {
            v0 += Vector256.Load(c);
            v1 += Vector256.Load(c + 8);
        }
        v0.Store(c);
        v1.Store(c + 8);
    }

    private static void Edge(float* a, int aRow, int aCol, float* b, int ldb, float* c, int ldc, int mr, int nr, int k, bool accumulate)
    {
        for (int i = 0; i < mr; i++)
        {
            for (int j = 0; j < nr; j++)
            {
                float sum = 0f;
                for (int p = 0; p < k; p++)
                    sum = MathF.FusedMultiplyAdd(a[(nint)i * aRow + (nint)p * aCol], b[(nint)p * ldb + j], sum);
                float* dst = c + (nint)i * ldc + j;
                *dst = accumulate ? *dst + sum : sum;
            }
        }
    }
}
