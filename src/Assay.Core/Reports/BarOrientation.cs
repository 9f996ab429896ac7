namespace Assay.Core.Reports;

public enum BarOrientation
{
    /// <summary>Vertical for a few short labels, horizontal when labels are long or bars many.</summary>
    Auto,
    Horizontal,
    Vertical,
}
