namespace Assay.Core.Reports;

/// <summary>A labelled reference line at <see cref="Value"/> on the x axis, e.g. a filter threshold.</summary>
public sealed record ChartMarker(double Value, string Label);
