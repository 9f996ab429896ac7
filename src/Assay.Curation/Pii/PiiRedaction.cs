using Assay.Core.Records;
using Assay.Curation.Steps;

namespace Assay.Curation.Pii;

/// <summary>
/// Replaces emails, phone numbers, IP addresses and card numbers with Dolma-style placeholders
/// (<c>|||EMAIL_ADDRESS|||</c>…), counts each kind in signals, and returns the number of original
/// characters replaced.
/// </summary>
[StepName(Name, typeof(PiiOptions), Description = "PII redaction: emails, phones, IPv4/IPv6, Luhn-valid card numbers -> |||KIND||| placeholders")]
public sealed class PiiRedaction(PiiOptions options) : RewriteStep
{
    public const string Name = "pii_v1";
    private const string Signal = "pii";

    [ThreadStatic] private static List<PiiMatch>? _matches;

    public override long Rewrite(Record record)
    {
        var matches = _matches ??= new List<PiiMatch>(16);
        PiiScanner.Find(record.Text, options, matches);
        Span<int> counts = stackalloc int[4];
        long replaced = 0;
        foreach (var m in matches) { counts[(int)m.Kind]++; replaced += m.Length; }
        Signals.Set(record, Signal, "email", counts[(int)PiiKind.Email]);
        Signals.Set(record, Signal, "phone", counts[(int)PiiKind.Phone]);
        Signals.Set(record, Signal, "ip_address", counts[(int)PiiKind.IpAddress]);
        Signals.Set(record, Signal, "credit_card", counts[(int)PiiKind.CreditCard]);
        if (matches.Count > 0) record.Text = PiiScanner.Redact(record.Text, matches);
        return replaced;
    }
}
