namespace Assay.Learn.Kernels;

/// <summary>Which GEMM MatMul uses. Auto picks OpenBLAS when it loads, else Managed.</summary>
public enum MatMulBackend
{
    Auto,
    Managed,
    OpenBlas,
}
