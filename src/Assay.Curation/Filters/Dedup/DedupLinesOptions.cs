using Assay.Curation.Dedup;

namespace Assay.Curation.Filters.Dedup;

/// <summary>
/// Line or paragraph dedup across the stage, as <c>assay dedup --method lines|paragraphs</c>
/// (CCNet, Wenzek et al. 2020): units shorter than <see cref="MinWords"/> words are never removed
/// (default 3, <see cref="LineDedupOptions"/>).
/// </summary>
public sealed record DedupLinesOptions
{
    public DedupUnit Unit { get; init; } = DedupUnit.Line;
    public int MinWords { get; init; } = new LineDedupOptions().MinWords;
}
