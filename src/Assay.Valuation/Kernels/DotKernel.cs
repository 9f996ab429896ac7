using System.Runtime.Intrinsics;

namespace Assay.Valuation.Kernels;

/// <summary>
/// Blocked dot products C[r, n] = a_r · b_n between a block of (test) rows and all packed training rows:
/// an sgemm-style register-blocked micro-kernel of MR×NR = 8×48 (24 Vector512 accumulators: 3 vector loads
/// and 8 broadcasts feed 24 FMAs per k; on hardware without 512-bit vectors three 8×16 Vector256 passes). Each dot product is accumulated over k in the same
/// order whatever the blocking or thread count, so results are bit-reproducible.
/// </summary>
internal static unsafe class DotKernel
{
    public const int MR = 8;
    public const int NR = 48;

    /// <summary>Packs <paramref name="rows"/> rows (row-major, stride <paramref name="dim"/>) into k-major micro-panels [rows/MR][Dp][MR], zero padded.</summary>
    public static void PackBlock(ReadOnlySpan<float> rowsData, int rows, int dim, int paddedDim, Span<float> packed)
    {
        int groups = (rows + MR - 1) / MR;
        packed[..(groups * paddedDim * MR)].Clear();
        for (int r = 0; r < rows; r++)
        {
            var src = rowsData.Slice(r * dim, dim);
            var dst = packed.Slice((r / MR) * paddedDim * MR);
            int lane = r % MR;
            for (int k = 0; k < dim; k++) dst[k * MR + lane] = src[k];
        }
    }

    /// <summary>
    /// output [rows × ldc] receives dot products with training columns [0, train.PaddedCount).
    /// packedA from <see cref="PackBlock"/>.
    /// </summary>
    public static void Compute(ReadOnlySpan<float> packedA, int rows, PackedTrain train, Span<float> output, int ldc)
    {
        int dp = train.PaddedDimension;
        int groups = (rows + MR - 1) / MR;
        Span<float> tile = stackalloc float[MR * NR];
        fixed (float* a0 = packedA)
        fixed (float* b0 = train.Panels)
        fixed (float* t = tile)
        {
            for (int p = 0; p < train.PanelCount; p++)
            {
                float* b = b0 + (long)p * dp * NR;
                for (int g = 0; g < groups; g++)
                {
                    float* a = a0 + (long)g * dp * MR;
                    if (Vector512.IsHardwareAccelerated) Kernel512(a, b, dp, t);
                    else { Kernel256(a, b, dp, t, 0); Kernel256(a, b, dp, t, 16); Kernel256(a, b, dp, t, 32); }
                    int rmax = Math.Min(MR, rows - g * MR);
                    for (int r = 0; r < rmax; r++)
                        new ReadOnlySpan<float>(t + r * NR, NR).CopyTo(output.Slice((g * MR + r) * ldc + p * NR, NR));
                }
            }
        }
    }

    // tile[8][48] = Σ_k a[k][0..8) ⊗ b[k][0..48)
    private static void Kernel512(float* a, float* b, int dp, float* tile)
    {
        Vector512<float> c00 = default, c01 = default, c02 = default, c10 = default, c11 = default, c12 = default,
            c20 = default, c21 = default, c22 = default, c30 = default, c31 = default, c32 = default,
            c40 = default, c41 = default, c42 = default, c50 = default, c51 = default, c52 = default,
            c60 = default, c61 = default, c62 = default, c70 = default, c71 = default, c72 = default;
        for (int k = 0; k < dp; k++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            var b2 = Vector512.Load(b + 32);
            var x = Vector512.Create(a[0]); c00 = Vector512.FusedMultiplyAdd(x, b0, c00); c01 = Vector512.FusedMultiplyAdd(x, b1, c01); c02 = Vector512.FusedMultiplyAdd(x, b2, c02);
            x = Vector512.Create(a[1]); c10 = Vector512.FusedMultiplyAdd(x, b0, c10); c11 = Vector512.FusedMultiplyAdd(x, b1, c11); c12 = Vector512.FusedMultiplyAdd(x, b2, c12);
            x = Vector512.Create(a[2]); c20 = Vector512.FusedMultiplyAdd(x, b0, c20); c21 = Vector512.FusedMultiplyAdd(x, b1, c21); c22 = Vector512.FusedMultiplyAdd(x, b2, c22);
            x = Vector512.Create(a[3]); c30 = Vector512.FusedMultiplyAdd(x, b0, c30); c31 = Vector512.FusedMultiplyAdd(x, b1, c31); c32 = Vector512.FusedMultiplyAdd(x, b2, c32);
            x = Vector512.Create(a[4]); c40 = Vector512.FusedMultiplyAdd(x, b0, c40); c41 = Vector512.FusedMultiplyAdd(x, b1, c41); c42 = Vector512.FusedMultiplyAdd(x, b2, c42);
            x = Vector512.Create(a[5]); c50 = Vector512.FusedMultiplyAdd(x, b0, c50); c51 = Vector512.FusedMultiplyAdd(x, b1, c51); c52 = Vector512.FusedMultiplyAdd(x, b2, c52);
            x = Vector512.Create(a[6]); c60 = Vector512.FusedMultiplyAdd(x, b0, c60); c61 = Vector512.FusedMultiplyAdd(x, b1, c61); c62 = Vector512.FusedMultiplyAdd(x, b2, c62);
            x = Vector512.Create(a[7]); c70 = Vector512.FusedMultiplyAdd(x, b0, c70); c71 = Vector512.FusedMultiplyAdd(x, b1, c71); c72 = Vector512.FusedMultiplyAdd(x, b2, c72);
            a += MR;
            b += NR;
        }
        c00.Store(tile + 0 * NR); c01.Store(tile + 0 * NR + 16); c02.Store(tile + 0 * NR + 32);
        c10.Store(tile + 1 * NR); c11.Store(tile + 1 * NR + 16); c12.Store(tile + 1 * NR + 32);
        c20.Store(tile + 2 * NR); c21.Store(tile + 2 * NR + 16); c22.Store(tile + 2 * NR + 32);
        c30.Store(tile + 3 * NR); c31.Store(tile + 3 * NR + 16); c32.Store(tile + 3 * NR + 32);
        c40.Store(tile + 4 * NR); c41.Store(tile + 4 * NR + 16); c42.Store(tile + 4 * NR + 32);
        c50.Store(tile + 5 * NR); c51.Store(tile + 5 * NR + 16); c52.Store(tile + 5 * NR + 32);
        c60.Store(tile + 6 * NR); c61.Store(tile + 6 * NR + 16); c62.Store(tile + 6 * NR + 32);
        c70.Store(tile + 7 * NR); c71.Store(tile + 7 * NR + 16); c72.Store(tile + 7 * NR + 32);
    }

    // tile[8][off..off+16) with Vector256 (16 accumulators fit the 16 ymm registers of AVX2).
    private static void Kernel256(float* a, float* b, int dp, float* tile, int off)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default,
            c20 = default, c21 = default, c30 = default, c31 = default,
            c40 = default, c41 = default, c50 = default, c51 = default,
            c60 = default, c61 = default, c70 = default, c71 = default;
        b += off;
        for (int k = 0; k < dp; k++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            var x = Vector256.Create(a[0]); c00 = Vector256.FusedMultiplyAdd(x, b0, c00); c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            x = Vector256.Create(a[1]); c10 = Vector256.FusedMultiplyAdd(x, b0, c10); c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            x = Vector256.Create(a[2]); c20 = Vector256.FusedMultiplyAdd(x, b0, c20); c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            x = Vector256.Create(a[3]); c30 = Vector256.FusedMultiplyAdd(x, b0, c30); c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
            x = Vector256.Create(a[4]); c40 = Vector256.FusedMultiplyAdd(x, b0, c40); c41 = Vector256.FusedMultiplyAdd(x, b1, c41);
            x = Vector256.Create(a[5]); c50 = Vector256.FusedMultiplyAdd(x, b0, c50); c51 = Vector256.FusedMultiplyAdd(x, b1, c51);
            x = Vector256.Create(a[6]); c60 = Vector256.FusedMultiplyAdd(x, b0, c60); c61 = Vector256.FusedMultiplyAdd(x, b1, c61);
            x = Vector256.Create(a[7]); c70 = Vector256.FusedMultiplyAdd(x, b0, c70); c71 = Vector256.FusedMultiplyAdd(x, b1, c71);
            a += MR;
            b += NR;
        }
        float* t = tile + off;
        c00.Store(t + 0 * NR); c01.Store(t + 0 * NR + 8); c10.Store(t + 1 * NR); c11.Store(t + 1 * NR + 8);
        c20.Store(t + 2 * NR); c21.Store(t + 2 * NR + 8); c30.Store(t + 3 * NR); c31.Store(t + 3 * NR + 8);
        c40.Store(t + 4 * NR); c41.Store(t + 4 * NR + 8); c50.Store(t + 5 * NR); c51.Store(t + 5 * NR + 8);
        c60.Store(t + 6 * NR); c61.Store(t + 6 * NR + 8); c70.Store(t + 7 * NR); c71.Store(t + 7 * NR + 8);
    }

    /// <summary>Scalar reference: C[r, n] = Σ_k a_r[k]·b_n[k] in float, k ascending (same order as the kernels).</summary>
    public static float ReferenceDot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        float s = 0;
        for (int k = 0; k < a.Length; k++) s = MathF.FusedMultiplyAdd(a[k], b[k], s);
        return s;
    }
}
