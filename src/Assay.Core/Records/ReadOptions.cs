namespace Assay.Core.Records;

/// <summary>How records are read: error policy, limits, and where quarantined lines go.</summary>
public sealed record ReadOptions
{
    /// <summary>Lines longer than this are bad input (default 32 MiB: far above any real document, far below RAM).</summary>
    public int MaxLineBytes { get; init; } = 32 << 20;
    public OnError OnError { get; init; } = OnError.Fail;
    /// <summary>Required when <see cref="OnError"/> is Quarantine.</summary>
    public QuarantineWriter? Quarantine { get; init; }
    /// <summary>False for numeric datasets whose records carry <c>features</c> instead of <c>text</c>.</summary>
    public bool RequireText { get; init; } = true;
    /// <summary>Checks id uniqueness over everything read with these options (null: no check).</summary>
    public IdGuard? Ids { get; init; }
    /// <summary>
    /// A rule on parsed records (null: none): a non-null answer is the reason the line is bad, and
    /// the line then fails the read or goes to quarantine like a malformed one, naming file and line.
    /// </summary>
    public Func<Record, string?>? Check { get; init; }

    public static ReadOptions Default { get; } = new();

    public void Validate()
    {
        if (OnError == OnError.Quarantine && Quarantine is null)
            throw new ArgumentException("OnError.Quarantine needs a QuarantineWriter");
        if (MaxLineBytes < 16) throw new ArgumentException("MaxLineBytes must be at least 16");
    }
}
