namespace Assay.Learn.Analysis;

/// <summary>
/// Sampling settings. Temperature 0 means greedy. TopK 0 and TopP 1 disable those filters.
/// Generation stops early at StopToken when it is set.
/// </summary>
public sealed record GenerationOptions(int MaxNewTokens = 64, float Temperature = 1f, int TopK = 0, float TopP = 1f, int Seed = 0, int? StopToken = null)
{
    public void Validate()
    {
        if (MaxNewTokens < 0) throw new ArgumentException($"MaxNewTokens must be >= 0, got {MaxNewTokens}.");
        if (Temperature < 0) throw new ArgumentException($"Temperature must be >= 0, got {Temperature}.");
        if (TopK < 0) throw new ArgumentException($"TopK must be >= 0, got {TopK}.");
        if (TopP is <= 0 or > 1) throw new ArgumentException($"TopP must be in (0, 1], got {TopP}.");
    }
}
