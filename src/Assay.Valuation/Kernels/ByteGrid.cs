using System.Runtime.Intrinsics.X86;
using Assay.Valuation.Data;

namespace Assay.Valuation.Kernels;

/// <summary>
/// Features that all lie on the grid q / 255, q = 0..255 — pixels as <see cref="IdxReader"/> reads them. Their
/// squared distances are exact integers in units of 1/255² (‖a − b‖² ≤ d·255², and each dot product ≤ d·255² &lt; 2³¹
/// for d ≤ <see cref="MaxDimension"/>), so <see cref="ByteDotKernel"/> can compute them in int16 × int16 → int32
/// arithmetic: faster than fp32 FMAs and exact, which also makes distance ties real ties.
/// </summary>
internal static class ByteGrid
{
    public const int MaxDimension = 33_000;

    /// <summary>True when the int16 kernel can run (AVX-512 BW) and every feature is exactly some q / 255f.</summary>
    public static bool Fits(DenseData data)
    {
        if (!Avx512BW.IsSupported || data.Dimension > MaxDimension) return false;
        foreach (var x in data.Features)
        {
            if (!(x >= 0f && x <= 1f)) return false;
            if (Level(x) / 255f != x) return false;
        }
        return true;
    }

    /// <summary>The grid level q of a value q / 255f (the division is what IdxReader does, so this inverts it exactly).</summary>
    public static int Level(float x) => (int)MathF.Round(x * 255f);
}
