using Assay.Valuation.Data;

namespace Assay.Valuation.Kernels;

/// <summary>
/// Training rows packed for <see cref="DotKernel"/>: panels of <see cref="DotKernel.NR"/> rows stored
/// k-major ([panel][Dp][NR]) so the micro-kernel reads two contiguous vectors per k; Dp is the dimension
/// rounded up to 16 and padding rows/columns are zero. Also holds the squared norms.
/// </summary>
internal sealed class PackedTrain
{
    public PackedTrain(DenseData data)
    {
        Count = data.Count;
        Dimension = data.Dimension;
        PaddedDimension = (Dimension + 15) & ~15;
        PanelCount = (Count + DotKernel.NR - 1) / DotKernel.NR;
        Panels = new float[(long)PanelCount * PaddedDimension * DotKernel.NR];
        SquaredNorms = new float[PanelCount * DotKernel.NR];
        Parallel.For(0, PanelCount, p =>
        {
            var dst = Panels.AsSpan((int)((long)p * PaddedDimension * DotKernel.NR), PaddedDimension * DotKernel.NR);
            for (int j = 0; j < DotKernel.NR; j++)
            {
                int row = p * DotKernel.NR + j;
                if (row >= Count) break;
                var src = data.Row(row);
                float norm = 0;
                for (int k = 0; k < src.Length; k++) { dst[k * DotKernel.NR + j] = src[k]; norm += src[k] * src[k]; }
                SquaredNorms[row] = norm;
            }
        });
    }

    public int Count { get; }
    public int Dimension { get; }
    public int PaddedDimension { get; }
    public int PanelCount { get; }
    public int PaddedCount => PanelCount * DotKernel.NR;
    public float[] Panels { get; }
    public float[] SquaredNorms { get; }
}
