using System.Globalization;

namespace Assay.Core.Records;

/// <summary>A record's label: absent, a string (class name) or a number (class index or regression target).</summary>
public readonly record struct Label
{
    public string? String { get; }
    public double? Number { get; }

    private Label(string? s, double? n) { String = s; Number = n; }

    public static Label None => default;
    public static Label Of(string value) => new(value, null);
    public static Label Of(double value) => new(null, value);

    public bool IsNone => String is null && Number is null;
    public bool IsNumber => Number is not null;

    /// <summary>The label as a class key: the string itself, or the number in invariant round-trip form.</summary>
    public string? Key => String ?? Number?.ToString("R", CultureInfo.InvariantCulture);

    public override string ToString() => Key ?? "";
}
