namespace Assay.Curation.Decontamination;

/// <summary>
/// Contamination settings. <see cref="NGram"/> = 13 words follows GPT-3 (Brown et al. 2020,
/// appendix C): a benchmark item is contaminated when any of its 13-grams occurs in a training
/// document. The token-overlap fraction follows LLaMA 2 (Touvron et al. 2023, appendix A.6): a
/// token of an item is contaminated when it lies in an n-gram longer than 10 tokens
/// (<see cref="OverlapNGram"/> = 11) that also occurs in training; an item is dirty at ≥ 80%
/// contaminated tokens and clean below 20%. Counts here are normalized words, not tokenizer tokens.
/// Items shorter than an n-gram use their whole word sequence as the one n-gram.
/// </summary>
public sealed record DecontaminationOptions
{
    public int NGram { get; init; } = 13;

    public int OverlapNGram { get; init; } = 11;

    public double DirtyThreshold { get; init; } = 0.8;

    public double CleanThreshold { get; init; } = 0.2;

    /// <summary>Training ids listed per item (all matches are counted).</summary>
    public int MaxIdsPerItem { get; init; } = 100;

    public void Validate()
    {
        if (NGram < 1 || OverlapNGram < 1)
            throw new ArgumentException($"n-gram sizes must be positive, got {NGram} and {OverlapNGram}.");
        if (CleanThreshold < 0 || DirtyThreshold > 1 || CleanThreshold > DirtyThreshold)
            throw new ArgumentException($"need 0 ≤ clean ({CleanThreshold}) ≤ dirty ({DirtyThreshold}) ≤ 1.");
    }
}
