namespace Assay.Curation.Dedup;

/// <summary>One document after line or paragraph dedup: remaining text, units removed and UTF-16 characters removed.</summary>
public sealed record LineDedupRecord(string Id, string Text, int UnitsRemoved, long CharsRemoved);
