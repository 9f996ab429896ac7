namespace Assay.Curation.Filters.C4;

/// <summary>How many lines of a document <c>c4_lines_v1</c> saw, kept, and dropped per rule.</summary>
public readonly record struct C4LineCounts(int Total, int Kept, int TooLongWord, int NoTerminalPunct, int TooFewWords, int Javascript, int Policy);
