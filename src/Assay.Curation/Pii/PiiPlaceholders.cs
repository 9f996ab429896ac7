namespace Assay.Curation.Pii;

/// <summary>
/// Replacement tokens. EMAIL_ADDRESS, PHONE_NUMBER and IP_ADDRESS are Dolma's PII masks, kept as special
/// tokens in the OLMo tokenizer (Groeneveld et al. 2024; OLMo 2 report §2.2); Dolma has no card mask,
/// CREDIT_CARD follows the same pattern.
/// </summary>
public static class PiiPlaceholders
{
    public const string Email = "|||EMAIL_ADDRESS|||";
    public const string Phone = "|||PHONE_NUMBER|||";
    public const string IpAddress = "|||IP_ADDRESS|||";
    public const string CreditCard = "|||CREDIT_CARD|||";

    public static string For(PiiKind kind) => kind switch
    {
        PiiKind.Email => Email,
        PiiKind.Phone => Phone,
        PiiKind.IpAddress => IpAddress,
        PiiKind.CreditCard => CreditCard,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
