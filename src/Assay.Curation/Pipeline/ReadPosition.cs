namespace Assay.Curation.Pipeline;

/// <summary>
/// Where a task stopped reading: the index into its own work items, lines consumed in that item
/// (good and bad), and the byte offset after them (used to seek in uncompressed ranges; compressed
/// shards are re-read from the start and <see cref="Lines"/> lines skipped).
/// </summary>
public sealed record ReadPosition(int Item, long Lines, long Offset)
{
    public static ReadPosition Start => new(0, 0, 0);
}
