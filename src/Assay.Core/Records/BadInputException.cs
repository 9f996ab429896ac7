namespace Assay.Core.Records;

/// <summary>Bad input, located: <c>file:line: message</c>, with a hint about --on-error quarantine.</summary>
public sealed class BadInputException(string file, long line, string reason)
    : Exception($"{file}:{line}: {reason} (fix the input, or rerun with --on-error quarantine to set bad lines aside)")
{
    public string File { get; } = file;
    public long Line { get; } = line;
    public string Reason { get; } = reason;
}
