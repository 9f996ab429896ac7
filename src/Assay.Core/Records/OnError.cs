namespace Assay.Core.Records;

/// <summary>What to do with a bad input line: stop with an error naming file and line, or quarantine it and go on.</summary>
public enum OnError { Fail, Quarantine }
