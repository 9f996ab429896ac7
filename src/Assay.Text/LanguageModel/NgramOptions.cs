namespace Assay.Text.LanguageModel;

/// <summary>Settings for training a modified Kneser–Ney LM; validated when training starts.</summary>
public sealed record NgramOptions
{
    /// <summary>Highest order, 1..5 (5 is lmplz's common choice for web text).</summary>
    public int Order { get; init; } = 5;

    /// <summary>
    /// Distinct n-grams held in memory per counting chunk before the chunk is sorted and spilled to a
    /// run file (4M keys ≈ 200 MB with dictionary overhead); runs are k-way merged afterwards.
    /// </summary>
    public int MaxGramsInMemory { get; init; } = 4 << 20;

    /// <summary>Folder for run files (default: the system temp folder); they are deleted when counting ends.</summary>
    public string? TempDirectory { get; init; }

    /// <summary>
    /// Discounts used for an order whose count-of-counts give none in range (tiny corpora): lmplz's
    /// <c>--discount_fallback</c> defaults 0.5, 1, 1.5. Null makes that an error, as lmplz does without the flag.
    /// </summary>
    public Discounts? DiscountFallback { get; init; } = new(0.5, 1.0, 1.5);

    public void Validate()
    {
        if (Order is < 1 or > NgramKey.MaxOrder) throw new ArgumentException($"order must be 1..{NgramKey.MaxOrder}, got {Order}");
        if (MaxGramsInMemory < 16) throw new ArgumentException($"MaxGramsInMemory must be at least 16, got {MaxGramsInMemory}");
    }
}
