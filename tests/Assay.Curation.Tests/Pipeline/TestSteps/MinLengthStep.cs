using Assay.Curation.Steps;

namespace Assay.Curation.Tests.Pipeline.TestSteps;

public sealed record MinLengthOptions
{
    public int MinChars { get; init; } = 10;
}

/// <summary>Test filter: removes records shorter than min_chars, after writing their length as a signal.</summary>
[StepName("test_min_length_v1", typeof(MinLengthOptions))]
public sealed class MinLengthStep(MinLengthOptions options) : FilterStep
{
    public override Verdict Judge(Record record)
    {
        Signals.Set(record, "test_min_length_v1", "chars", record.Text.Length);
        return record.Text.Length >= options.MinChars ? Verdict.Kept : Verdict.Remove("min_length:too_short");
    }
}
