using Assay.Curation.Steps;

namespace Assay.Curation.Tests.Pipeline.TestSteps;

public sealed record DigitOptions;

/// <summary>Test filter with two reasons and no signals: removes records whose text holds '7', or starts with 'x'.</summary>
[StepName("test_digit_v1", typeof(DigitOptions))]
public sealed class DigitStep(DigitOptions options) : FilterStep
{
    public DigitOptions Options { get; } = options;

    public override Verdict Judge(Record record) =>
        record.Text.Contains('7') ? Verdict.Remove("digit:seven")
        : record.Text.StartsWith('x') ? Verdict.Remove("digit:starts_x")
        : Verdict.Kept;
}
