namespace Assay.Core.Accounting;

/// <summary>Counts that do not add up: a bug, never to be caught and ignored.</summary>
public sealed class AccountingException(string message) : Exception(message);
