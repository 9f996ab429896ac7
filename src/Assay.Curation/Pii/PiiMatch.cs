namespace Assay.Curation.Pii;

/// <summary>One detected span of personal data in a text.</summary>
public readonly record struct PiiMatch(int Start, int Length, PiiKind Kind)
{
    public int End => Start + Length;
}
