namespace Assay.Core.Reports;

public enum BarSort
{
    /// <summary>Keep the order given (e.g. pipeline order).</summary>
    None,
    Descending,
    Ascending,
    /// <summary>Ordinal label order, for stable side-by-side comparisons.</summary>
    Label,
}
