using System.Globalization;
using System.Text;

namespace Assay.Text.Normalization;

/// <summary>
/// Unicode normalization to NFC (<c>nfc_v1</c>: canonical composition, same text, one spelling) or
/// NFKC (<c>nfkc_v1</c>: also folds compatibility forms such as ﬁ → fi, full-width Ａ → A, ² → 2).
/// The change count is the input length of the grapheme clusters whose normalization differs.
/// Implemented in managed code (<see cref="UnicodeNormalization"/>, Unicode 15.0 tables) because
/// under InvariantGlobalization <see cref="string.Normalize()"/> does nothing.
/// </summary>
public sealed class UnicodeNormalizer : ITextNormalizer
{
    private readonly bool _compat;
    private readonly bool _compose;

    public UnicodeNormalizer(NormalizationForm form)
    {
        (Name, _compat, _compose) = form switch
        {
            NormalizationForm.FormC => ("nfc_v1", false, true),
            NormalizationForm.FormKC => ("nfkc_v1", true, true),
            NormalizationForm.FormD => ("nfd_v1", false, false),
            NormalizationForm.FormKD => ("nfkd_v1", true, false),
            _ => throw new ArgumentOutOfRangeException(nameof(form), form, "unknown normalization form"),
        };
    }

    /// <summary>The normalized text without counting; the same instance when nothing changes.</summary>
    public string Normalize(string text) => UnicodeNormalization.Normalize(text, _compat, _compose);

    public string Name { get; }

    public string Apply(string text, out int charsChanged)
    {
        ArgumentNullException.ThrowIfNull(text);
        charsChanged = 0;
        string result = Normalize(text);
        if (ReferenceEquals(result, text))
            return text;
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            string element = e.GetTextElement();
            if (!ReferenceEquals(Normalize(element), element))
                charsChanged += element.Length;
        }
        // Normalization can also join clusters (e.g. Hangul jamo); count at least one change.
        charsChanged = Math.Max(charsChanged, 1);
        return result;
    }
}
