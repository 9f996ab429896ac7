namespace Assay.Valuation.Evaluation;

/// <summary>
/// Test accuracy as points are removed from (or added to) the training set by value: <see cref="HighFirst"/>
/// takes the most valuable first, <see cref="LowFirst"/> the least valuable first.
/// For removal, Fractions are the share removed; for addition, the share added.
/// </summary>
public sealed record DataCurve(string Method, string Task, double[] Fractions, double[] HighFirst, double[] LowFirst);
