namespace Assay.Core.Records;

/// <summary>A line that is not a valid Assay record; the message says what is wrong with it.</summary>
public sealed class RecordFormatException(string message) : Exception(message);
