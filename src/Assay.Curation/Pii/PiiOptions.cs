namespace Assay.Curation.Pii;

/// <summary>Which kinds <c>pii_v1</c> redacts. Dolma's PII rule masks emails, phone numbers and IP addresses; cards are ours.</summary>
public sealed record PiiOptions
{
    public bool Emails { get; init; } = true;       // Dolma pii: EMAIL_ADDRESS
    public bool Phones { get; init; } = true;       // Dolma pii: PHONE_NUMBER
    public bool IpAddresses { get; init; } = true;  // Dolma pii: IP_ADDRESS (Dolma: IPv4 only; here IPv6 too)
    public bool CreditCards { get; init; } = true;  // not in Dolma; Luhn-checked
}
