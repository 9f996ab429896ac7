using Assay.Text.Normalization;

namespace Assay.Curation.Filters.Normalization;

public sealed record NormalizeOptions
{
    /// <summary>Normalizers in order (see Assay.Text.Normalization.TextNormalizers); default: mojibake, entities, control chars, NFC, line endings, whitespace.</summary>
    public IReadOnlyList<string> Steps { get; init; } = TextNormalizers.DefaultPipeline;
}
