using Assay.Core.IO;

namespace Assay.Core.Records;

/// <summary>Where a record was read: its file, and its line counted from the start of the byte range that was read.</summary>
public readonly record struct IdLocation(string? File, long RangeStart, long LineInRange)
{
    /// <summary>"file:line", counting the lines before the range only now that somebody asks.</summary>
    public override string ToString() =>
        File is null ? "earlier" : $"{File}:{ByteRangeSplitter.LinesBefore(File, RangeStart) + LineInRange}";
}
