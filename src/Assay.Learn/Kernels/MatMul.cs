using System.Buffers;
using System.Numerics.Tensors;

namespace Assay.Learn.Kernels;

/// <summary>
/// Linear layer in llm.c's layout: weight is (OC, C) like torch.nn.Linear.
/// Backend: ASSAY_MATMUL=managed|openblas|auto (default auto), or set <see cref="Backend"/>.
/// </summary>
public static unsafe class MatMul
{
    public static MatMulBackend Backend { get; set; } = ParseBackend(Environment.GetEnvironmentVariable("ASSAY_MATMUL"));

    public static bool OpenBlasAvailable => OpenBlas.IsAvailable;

    /// <summary>The backend actually used by the next call.</summary>
    public static MatMulBackend EffectiveBackend => Resolve(Backend);

    internal static MatMulBackend Resolve(MatMulBackend backend) => backend switch
    {
        MatMulBackend.Managed => MatMulBackend.Managed,
        MatMulBackend.OpenBlas when !OpenBlas.IsAvailable => throw new InvalidOperationException(
            "MatMul.Backend is OpenBlas but libopenblas.so.0 could not be loaded; install libopenblas0 or set ASSAY_OPENBLAS to its path."),
        MatMulBackend.OpenBlas => MatMulBackend.OpenBlas,
        _ => OpenBlas.IsAvailable ? MatMulBackend.OpenBlas : MatMulBackend.Managed,
    };

    private static MatMulBackend ParseBackend(string? s) => s?.ToLowerInvariant() switch
    {
        null or "" or "auto" => MatMulBackend.Auto,
        "managed" => MatMulBackend.Managed,
        "openblas" or "blas" => MatMulBackend.OpenBlas,
        _ => throw new ArgumentException($"ASSAY_MATMUL='{s}' is not one of auto, managed, openblas."),
    };

    // out (N, OC) = inp (N, C) · weight (OC, C)^T + bias (OC); bias may be empty.
    public static void Forward(Span<float> output, ReadOnlySpan<float> inp, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, int n, int c, int oc) =>
        Forward(output, inp, weight, bias, n, c, oc, Backend);

    public static void Forward(Span<float> output, ReadOnlySpan<float> inp, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, int n, int c, int oc, MatMulBackend backend)
    {
        CheckShapes(output.Length, inp.Length, weight.Length, bias.Length, n, c, oc);
        fixed (float* po = output, pi = inp, pw = weight)
        {
            if (Resolve(backend) == MatMulBackend.OpenBlas)
            {
                OpenBlas.Gemm(false, true, n, oc, c, 1f, pi, c, pw, c, 0f, po, oc);
            }
            else
            {
                // Transposing the weight once lets the kernel stream contiguous rows of B.
                float[] wt = ArrayPool<float>.Shared.Rent(oc * c);
                try
                {
                    Transpose(weight, wt, oc, c);
                    fixed (float* pwt = wt)
                        ManagedGemm.Run(pi, c, 1, pwt, oc, po, oc, n, oc, c, accumulate: false);
                }
                finally
                {
                    ArrayPool<float>.Shared.Return(wt);
                }
            }
        }
        if (!bias.IsEmpty)
            for (int i = 0; i < n; i++)
                TensorPrimitives.Add(output.Slice(i * oc, oc), bias, output.Slice(i * oc, oc));
    }

    // dinp (N, C) += dout (N, OC) · weight (OC, C); dweight (OC, C) += dout^T · inp; dbias (OC) += column sums of dout.
    // dinp, dweight or dbias may be empty to skip that gradient.
    public static void Backward(Span<float> dinp, Span<float> dweight, Span<float> dbias,
        ReadOnlySpan<float> dout, ReadOnlySpan<float> inp, ReadOnlySpan<float> weight, int n, int c, int oc) =>
        Backward(dinp, dweight, dbias, dout, inp, weight, n, c, oc, Backend);

    public static void Backward(Span<float> dinp, Span<float> dweight, Span<float> dbias,
        ReadOnlySpan<float> dout, ReadOnlySpan<float> inp, ReadOnlySpan<float> weight, int n, int c, int oc, MatMulBackend backend)
    {
        CheckShapes(dout.Length, inp.Length, weight.Length, dbias.Length, n, c, oc);
        if (!dinp.IsEmpty && dinp.Length != n * c) ThrowShape(nameof(dinp), dinp.Length, n * c);
        if (!dweight.IsEmpty && dweight.Length != oc * c) ThrowShape(nameof(dweight), dweight.Length, oc * c);
        bool blas = Resolve(backend) == MatMulBackend.OpenBlas;
        fixed (float* pdi = dinp, pdw = dweight, pdo = dout, pi = inp, pw = weight)
        {
            if (!dinp.IsEmpty)
            {
                if (blas) OpenBlas.Gemm(false, false, n, c, oc, 1f, pdo, oc, pw, c, 1f, pdi, c);
                else ManagedGemm.Run(pdo, oc, 1, pw, c, pdi, c, n, c, oc, accumulate: true);
            }
            if (!dweight.IsEmpty)
            {
                if (blas) OpenBlas.Gemm(true, false, oc, c, n, 1f, pdo, oc, pi, c, 1f, pdw, c);
                else ManagedGemm.Run(pdo, 1, oc, pi, c, pdw, c, oc, c, n, accumulate: true);
            }
        }
        // Rows in order: a fixed summation order keeps dbias deterministic.
        if (!dbias.IsEmpty)
            for (int i = 0; i < n; i++)
                TensorPrimitives.Add(dbias, dout.Slice(i * oc, oc), dbias);
    }

    // dst (cols, rows) = src (rows, cols)^T
    internal static void Transpose(ReadOnlySpan<float> src, Span<float> dst, int rows, int cols)
    {
        const int Block = 32;
        for (int r0 = 0; r0 < rows; r0 += Block)
            for (int c0 = 0; c0 < cols; c0 += Block)
            {
                int r1 = Math.Min(r0 + Block, rows), c1 = Math.Min(c0 + Block, cols);
                for (int r = r0; r < r1; r++)
                    for (int cc = c0; cc < c1; cc++)
                        dst[cc * rows + r] = src[r * cols + cc];
            }
    }

    private static void CheckShapes(int outLen, int inpLen, int wLen, int biasLen, int n, int c, int oc)
    {
        if (outLen != n * oc) ThrowShape("out", outLen, n * oc);
        if (inpLen != n * c) ThrowShape("inp", inpLen, n * c);
        if (wLen != oc * c) ThrowShape("weight", wLen, oc * c);
        if (biasLen != 0 && biasLen != oc) ThrowShape("bias", biasLen, oc);
    }

    private static void ThrowShape(string name, int actual, int expected) =>
        throw new ArgumentException($"{name} has {actual} elements, expected {expected}.", name);
}
