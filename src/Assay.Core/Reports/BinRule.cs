namespace Assay.Core.Reports;

/// <summary>How <see cref="HistogramData.FromValues"/> picks the bin width.</summary>
public enum BinRule
{
    /// <summary>
    /// Freedman–Diaconis (width = 2·IQR·n^(-1/3)): robust to outliers, good for large samples.
    /// Falls back to Sturges when the interquartile range is zero.
    /// </summary>
    FreedmanDiaconis,

    /// <summary>Sturges (⌈log2 n⌉ + 1 bins): few, wide bins; fine for small, roughly normal samples.</summary>
    Sturges,
}
