namespace Assay.Curation.Decontamination;

/// <summary>
/// One benchmark item: training documents sharing one of its n-grams (first
/// <see cref="DecontaminationOptions.MaxIdsPerItem"/> ids, and the total), the fraction of its
/// words covered by long overlaps with training, and the LLaMA 2 category of that fraction.
/// </summary>
public sealed record ItemContamination(string ItemId, int Words, IReadOnlyList<string> TrainingIds, long TrainingMatches, double TokenOverlap, ContaminationCategory Category)
{
    public bool Found => TrainingMatches > 0;
}
