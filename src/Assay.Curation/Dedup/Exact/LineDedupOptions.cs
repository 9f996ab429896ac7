namespace Assay.Curation.Dedup;

/// <summary>
/// Line or paragraph dedup across a corpus, as CCNet (Wenzek et al. 2020) and Dolma's paragraph
/// dedup do: a unit whose normalized text was already seen (earlier in the corpus or earlier in
/// the same document) is removed. Units shorter than <see cref="MinWords"/> normalized words are
/// never removed, so short lines like "Yes." or list markers survive (our default, 3).
/// </summary>
public sealed record LineDedupOptions
{
    public DedupUnit Unit { get; init; } = DedupUnit.Line;

    public int MinWords { get; init; } = 3;
}
