using System.Text;

namespace Assay.Text.Normalization;

/// <summary>The registry of normalizers by versioned name; an unknown name lists the valid ones.</summary>
public static class TextNormalizers
{
    private static readonly Dictionary<string, Func<ITextNormalizer>> Registry = new(StringComparer.Ordinal)
    {
        ["nfc_v1"] = () => new UnicodeNormalizer(NormalizationForm.FormC),
        ["nfkc_v1"] = () => new UnicodeNormalizer(NormalizationForm.FormKC),
        ["control_chars_v1"] = () => new ControlCharacterRemover(),
        ["line_endings_v1"] = () => new LineEndingNormalizer(),
        ["whitespace_v1"] = () => new WhitespaceNormalizer(),
        ["html_entities_v1"] = () => new HtmlEntityDecoder(),
        ["mojibake_v1"] = () => new MojibakeRepairer(),
    };

    /// <summary>A sensible cleaning order: repair bytes first, then entities, then Unicode, then layout.</summary>
    public static IReadOnlyList<string> DefaultPipeline { get; } =
        ["mojibake_v1", "html_entities_v1", "control_chars_v1", "nfc_v1", "line_endings_v1", "whitespace_v1"];

    public static IReadOnlyCollection<string> Names => Registry.Keys;

    public static ITextNormalizer Create(string name) =>
        Registry.TryGetValue(name, out var make)
            ? make()
            : throw new ArgumentException($"unknown normalizer '{name}'; valid: {string.Join(", ", Registry.Keys.Order(StringComparer.Ordinal))}", nameof(name));
}
