namespace Assay.Text.FastText;

/// <summary>
/// Language identification with a fastText model such as lid.176: the label without its
/// <c>__label__</c> prefix (e.g. "en", "zh") and its probability.
/// </summary>
public sealed class LanguageIdentifier(FastTextModel model)
{
    public FastTextModel Model { get; } = model;

    // Stripped once per label, not once per call.
    private readonly Dictionary<string, string> _languages = model.Labels.Distinct().ToDictionary(l => l, StripLabel, StringComparer.Ordinal);

    public static LanguageIdentifier Load(string modelPath) => new(FastTextModel.Load(modelPath));

    /// <summary>The most probable language, or ("und", 0) when the text gives the model nothing to go on.</summary>
    public (string Lang, float Score) Identify(string text)
    {
        var best = Model.PredictBest(text, joinLines: true);
        return best is { } p ? (_languages[p.Label], p.Probability) : ("und", 0f);
    }

    /// <summary>Up to <paramref name="k"/> languages with probability ≥ <paramref name="threshold"/>, best first.</summary>
    public IReadOnlyList<(string Lang, float Score)> Identify(string text, int k, float threshold = 0f) =>
        Model.Predict(OneLine(text).ToString(), k, threshold).Select(p => (StripLabel(p.Label), p.Probability)).ToArray();

    public static string StripLabel(string label) =>
        label.StartsWith(FastTextArgs.LabelPrefix, StringComparison.Ordinal) ? label[FastTextArgs.LabelPrefix.Length..] : label;

    /// <summary>
    /// fastText reads one line; for a document that would judge only its first line, so newlines
    /// become spaces here and the whole text counts.
    /// </summary>
    private static ReadOnlySpan<char> OneLine(string text) =>
        text.Contains('\n') ? text.Replace('\n', ' ') : text;
}
