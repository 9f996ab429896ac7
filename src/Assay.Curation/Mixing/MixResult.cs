namespace Assay.Curation.Mixing;

/// <summary>The mix as written: per-source target vs achieved token shares, and the output dataset folder.</summary>
public sealed record MixResult(string Output, long TargetTokens, long OutTokens, long OutRecords, IReadOnlyList<MixSourceResult> Sources)
{
    public const string FileName = "mix.json";
}
