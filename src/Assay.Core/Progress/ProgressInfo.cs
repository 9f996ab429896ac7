namespace Assay.Core.Progress;

/// <summary>
/// What long work reports through <see cref="IProgress{T}"/>: a stage name, units done, the
/// total when known, and the unit ("records", "bytes", "steps"). Libraries never print; the CLI renders.
/// </summary>
public readonly record struct ProgressInfo(string Stage, long Done, long? Total, string Unit = "records");
