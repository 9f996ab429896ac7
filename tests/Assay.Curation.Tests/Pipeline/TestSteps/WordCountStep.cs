using Assay.Curation.Steps;

namespace Assay.Curation.Tests.Pipeline.TestSteps;

public sealed record WordCountOptions
{
    /// <summary>Busy-wait per record, so a child process runs long enough to be killed mid-task.</summary>
    public int SpinMicros { get; init; }
}

/// <summary>Test annotator: writes the whitespace word count.</summary>
[StepName("test_words_v1", typeof(WordCountOptions))]
public sealed class WordCountStep(WordCountOptions options) : AnnotateStep
{
    public override void Annotate(Record record)
    {
        if (options.SpinMicros > 0)
        {
            long until = System.Diagnostics.Stopwatch.GetTimestamp() + options.SpinMicros * System.Diagnostics.Stopwatch.Frequency / 1_000_000;
            while (System.Diagnostics.Stopwatch.GetTimestamp() < until) { }
        }
        Signals.Set(record, "test_words_v1", "words", record.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
