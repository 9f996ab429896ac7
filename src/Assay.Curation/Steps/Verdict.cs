namespace Assay.Curation.Steps;

/// <summary>A filter's answer: keep, or remove with a short stable reason (e.g. "gopher_quality:word_count").</summary>
public readonly record struct Verdict(bool Keep, string? Reason)
{
    public static Verdict Kept => new(true, null);
    public static Verdict Remove(string reason) => new(false, reason);
}
