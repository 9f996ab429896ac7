namespace Assay.Curation.Pipeline;

/// <summary>
/// Within-task checkpoints: a task closes its output part and writes a chunk marker after this
/// many input lines or uncompressed input bytes, whichever comes first. Boundaries depend only on
/// the input, so a resumed task writes the same parts as an uninterrupted one.
/// </summary>
public sealed record CheckpointSpec(long Records = 50_000, long Bytes = 64L << 20);
