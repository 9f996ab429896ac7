namespace Assay.Curation.Dedup;

/// <summary>
/// One document after exact-substring dedup: the remaining text, the UTF-8 byte ranges removed
/// from the original (start, length) and their totals.
/// </summary>
public sealed record SubstringDedupRecord(string Id, string Text, long BytesRemoved, IReadOnlyList<(int Start, int Length)> Spans)
{
    public int SpansRemoved => Spans.Count;
}
