namespace Assay.Curation.Mixing;

/// <summary>One source in a mix: what was available, what was asked for, and what was written.</summary>
public sealed record MixSourceResult(
    string Source, long Records, long Tokens, double TargetShare, long TargetTokens, double Rate,
    long OutRecords, long OutTokens, double AchievedShare, bool Capped);
