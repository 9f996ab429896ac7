namespace Assay.Text.Normalization;

/// <summary>
/// One text repair or normalization step. <see cref="Apply"/> returns the new text (the same
/// instance when nothing changed) and how many characters of the input it changed, so the step
/// that rewrites <c>text</c> can count every change.
/// </summary>
public interface ITextNormalizer
{
    /// <summary>Registered, versioned name (e.g. <c>nfc_v1</c>); a name never changes meaning.</summary>
    string Name { get; }

    string Apply(string text, out int charsChanged);
}
