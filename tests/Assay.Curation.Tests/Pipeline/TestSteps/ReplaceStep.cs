using Assay.Curation.Steps;

namespace Assay.Curation.Tests.Pipeline.TestSteps;

public sealed record ReplaceOptions
{
    public string From { get; init; } = "foo";
    public string To { get; init; } = "bar";
}

/// <summary>Test rewriter: replaces one word, returning how many characters it touched.</summary>
[StepName("test_replace_v1", typeof(ReplaceOptions))]
public sealed class ReplaceStep(ReplaceOptions options) : RewriteStep
{
    public override long Rewrite(Record record)
    {
        int n = 0, at = 0;
        while ((at = record.Text.IndexOf(options.From, at, StringComparison.Ordinal)) >= 0) { n++; at += options.From.Length; }
        if (n == 0) return 0;
        record.Text = record.Text.Replace(options.From, options.To, StringComparison.Ordinal);
        return (long)n * Math.Max(options.From.Length, options.To.Length);
    }
}
