using Assay.Core.Records;
using Assay.Curation.Steps;
using Assay.Text.Normalization;

namespace Assay.Curation.Filters.Normalization;

/// <summary>Rewrites text through the normalizers in order; counts changed chars in total and per normalizer (signals).</summary>
[StepName(Name, typeof(NormalizeOptions), Description = "Text normalization and repair: mojibake, HTML entities, control chars, NFC/NFKC, line endings, whitespace (signals: chars changed per normalizer)")]
public sealed class NormalizeStep(NormalizeOptions options) : RewriteStep
{
    public const string Name = "normalize_v1";

    private NormalizationPipeline? _pipeline;

    public override void Initialize(StepContext context) => _pipeline = NormalizationPipeline.FromNames(options.Steps);

    public override long Rewrite(Record record)
    {
        Span<int> changes = stackalloc int[_pipeline!.Steps.Count];
        var text = _pipeline.Apply(record.Text, changes);
        long total = 0;
        for (int i = 0; i < changes.Length; i++)
        {
            if (changes[i] == 0) continue;
            total += changes[i];
            Signals.Set(record, Name, _pipeline.Steps[i].Name, changes[i]);
        }
        if (total > 0) record.Text = text;
        return total;
    }
}
