namespace Assay.Curation.Filters.LanguageId;

public sealed record LanguageIdOptions
{
    /// <summary>fastText model (.bin/.ftz); null: lid.176.ftz from the lid176 pack (Joulin et al. 2016, as CCNet and FineWeb use).</summary>
    public string? Model { get; init; }

    /// <summary>Languages to keep (labels without __label__); empty keeps every language and only annotates.</summary>
    public IReadOnlyList<string> Languages { get; init; } = ["en"];

    /// <summary>Minimum top-1 probability: 0.65, FineWeb's English threshold (Penedo et al. 2024); CCNet used 0.5.</summary>
    public double MinScore { get; init; } = 0.65;
}
