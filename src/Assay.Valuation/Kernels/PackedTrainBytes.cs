using Assay.Valuation.Data;

namespace Assay.Valuation.Kernels;

/// <summary>
/// Training rows on the <see cref="ByteGrid"/> packed for <see cref="ByteDotKernel"/>: panels of NR rows, k-pair major
/// ([panel][Dp2][NR] int32, each int32 holding the int16 levels of features 2k and 2k+1), zero padded; plus the squared
/// norms in grid units (exact).
/// </summary>
internal sealed class PackedTrainBytes
{
    public PackedTrainBytes(DenseData data)
    {
        Count = data.Count;
        Dimension = data.Dimension;
        PairCount = (Dimension + 1) / 2;
        PanelCount = (Count + ByteDotKernel.NR - 1) / ByteDotKernel.NR;
        Panels = new int[(long)PanelCount * PairCount * ByteDotKernel.NR];
        SquaredNorms = new int[PanelCount * ByteDotKernel.NR];
        Parallel.For(0, PanelCount, p =>
        {
            var dst = Panels.AsSpan((int)((long)p * PairCount * ByteDotKernel.NR), PairCount * ByteDotKernel.NR);
            for (int j = 0; j < ByteDotKernel.NR; j++)
            {
                int row = p * ByteDotKernel.NR + j;
                if (row >= Count) break;
                var src = data.Row(row);
                int norm = 0;
                for (int k = 0; k < src.Length; k++)
                {
                    int q = ByteGrid.Level(src[k]);
                    norm += q * q;
                    dst[(k >> 1) * ByteDotKernel.NR + j] |= q << (16 * (k & 1));
                }
                SquaredNorms[row] = norm;
            }
        });
    }

    public int Count { get; }
    public int Dimension { get; }
    public int PairCount { get; }
    public int PanelCount { get; }
    public int PaddedCount => PanelCount * ByteDotKernel.NR;
    public int[] Panels { get; }
    public int[] SquaredNorms { get; }
}
