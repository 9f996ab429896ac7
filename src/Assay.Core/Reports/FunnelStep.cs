namespace Assay.Core.Reports;

/// <summary>
/// One pipeline step in a <see cref="Funnel"/>: the step's input is the previous step's
/// <see cref="Kept"/> (or the funnel's input); <see cref="Removed"/> splits the difference by reason.
/// </summary>
public sealed record FunnelStep(string Name, long Kept, IReadOnlyList<KeyValuePair<string, long>> Removed);
