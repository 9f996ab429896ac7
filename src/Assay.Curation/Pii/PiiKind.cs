namespace Assay.Curation.Pii;

/// <summary>Kinds of personal data <c>pii_v1</c> redacts; the order is the priority when spans overlap.</summary>
public enum PiiKind { Email, CreditCard, IpAddress, Phone }
