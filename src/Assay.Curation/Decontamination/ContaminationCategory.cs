namespace Assay.Curation.Decontamination;

/// <summary>LLaMA 2's buckets by token-overlap fraction: clean below the clean threshold, dirty at or above the dirty threshold, partial between.</summary>
public enum ContaminationCategory
{
    Clean,
    Partial,
    Dirty,
}
