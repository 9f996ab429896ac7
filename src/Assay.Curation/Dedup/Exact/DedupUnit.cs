namespace Assay.Curation.Dedup;

/// <summary>What line dedup compares: single lines (split at '\n'), or paragraphs (split at blank lines).</summary>
public enum DedupUnit
{
    Line,
    Paragraph,
}
