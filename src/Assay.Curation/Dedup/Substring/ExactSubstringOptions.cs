namespace Assay.Curation.Dedup;

/// <summary>
/// Exact-substring dedup settings. MinLength 50 follows Lee et al. 2022 (k = 50; they count
/// tokens, here it counts bytes of UTF-8 or token ids, whichever the input is).
/// </summary>
public sealed record ExactSubstringOptions
{
    public int MinLength { get; init; } = 50;

    public void Validate()
    {
        if (MinLength < 1)
            throw new ArgumentException($"minimum repeat length must be at least 1, got {MinLength}.");
    }
}
