namespace Assay.Text.Normalization;

/// <summary>Runs normalizers in order and reports, per step, the characters it changed.</summary>
public sealed class NormalizationPipeline(IReadOnlyList<ITextNormalizer> steps)
{
    public IReadOnlyList<ITextNormalizer> Steps { get; } = steps;

    public static NormalizationPipeline FromNames(IEnumerable<string> names) =>
        new(names.Select(TextNormalizers.Create).ToArray());

    /// <param name="changes">One entry per step, aligned with <see cref="Steps"/>.</param>
    public string Apply(string text, Span<int> changes)
    {
        if (changes.Length < Steps.Count)
            throw new ArgumentException($"need room for {Steps.Count} step counts", nameof(changes));
        for (int i = 0; i < Steps.Count; i++)
            text = Steps[i].Apply(text, out changes[i]);
        return text;
    }
}
