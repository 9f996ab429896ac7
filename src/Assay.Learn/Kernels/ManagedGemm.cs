using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Assay.Learn.Kernels;

/// <summary>
/// Register-blocked GEMM in managed code: C (m, n) (+)= A · B where A is addressed with explicit
/// row/column strides (so transposed operands need no copy) and B is row-major (k, n).
/// Each C element is summed by one thread in k order, so results do not depend on thread count.
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

    private static void Rows(float* a, int aRow, int aCol, float* b, int ldb, float* c, int ldc, int m0, int m1, int n, int k, bool accumulate)
    {
        // Column panels outside, row blocks inside: the (k, 16) panel of B stays in cache across row blocks.
        for (int j = 0; j < n; j += Nr)
        {
            int nr = Math.Min(Nr, n - j);
            for (int i = m0; i < m1; i += Mr)
            {
                int mr = Math.Min(Mr, m1 - i);
                if (mr == Mr && nr == Nr && Vector256.IsHardwareAccelerated)
                    Kernel4x16(a + (nint)i * aRow, aRow, aCol, b + j, ldb, c + (nint)i * ldc + j, ldc, k, accumulate);
                else
                    Edge(a + (nint)i * aRow, aRow, aCol, b + j, ldb, c + (nint)i * ldc + j, ldc, mr, nr, k, accumulate);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel4x16(float* a, int aRow, int aCol, float* b, int ldb, float* c, int ldc, int k, bool accumulate)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<float> c20 = default, c21 = default, c30 = default, c31 = default;
        float* a0 = a, a1 = a + aRow, a2 = a + 2 * aRow, a3 = a + 3 * aRow;
        for (int p = 0; p < k; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            nint off = (nint)p * aCol;
            var x = Vector256.Create(a0[off]);
            c00 = Vector256.FusedMultiplyAdd(x, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            x = Vector256.Create(a1[off]);
            c10 = Vector256.FusedMultiplyAdd(x, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            x = Vector256.Create(a2[off]);
            c20 = Vector256.FusedMultiplyAdd(x, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            x = Vector256.Create(a3[off]);
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
