namespace Assay.Core.Reports;

/// <summary>One histogram bin: values in [<see cref="Low"/>, <see cref="High"/>) (the last bin includes High).</summary>
public readonly record struct HistogramBin(double Low, double High, long Count);
