namespace Assay.Curation.Filters.Gopher;

/// <summary>
/// Thresholds of Gopher's repetition rules: Rae et al. 2021 Table A1, as datatrove's
/// <c>GopherRepetitionFilter.__init__</c> defaults. A record is removed when a measure is strictly
/// greater than its threshold; null disables a rule.
/// </summary>
public sealed record GopherRepetitionOptions
{
    public double? DupLineFrac { get; init; } = 0.3;      // Table A1 duplicate line fraction 0.30
    public double? DupParaFrac { get; init; } = 0.3;      // Table A1 duplicate paragraph fraction 0.30
    public double? DupLineCharFrac { get; init; } = 0.2;  // Table A1 duplicate line character fraction 0.20
    public double? DupParaCharFrac { get; init; } = 0.2;  // Table A1 duplicate paragraph character fraction 0.20

    /// <summary>n → max fraction of chars in the most common n-gram. Table A1: 2→0.20, 3→0.18, 4→0.16.</summary>
    public IReadOnlyDictionary<int, double> TopNGrams { get; init; } = new SortedDictionary<int, double>
    {
        [2] = 0.20, [3] = 0.18, [4] = 0.16,
    };

    /// <summary>n → max fraction of chars in duplicated n-grams. Table A1: 5→0.15 … 10→0.10.</summary>
    public IReadOnlyDictionary<int, double> DupNGrams { get; init; } = new SortedDictionary<int, double>
    {
        [5] = 0.15, [6] = 0.14, [7] = 0.13, [8] = 0.12, [9] = 0.11, [10] = 0.10,
    };
}
