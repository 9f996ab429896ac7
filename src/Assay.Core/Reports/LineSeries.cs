namespace Assay.Core.Reports;

/// <summary>One named line: points in the order they are drawn (usually increasing x).</summary>
public sealed record LineSeries(string Name, IReadOnlyList<(double X, double Y)> Points);
