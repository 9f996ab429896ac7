using Assay.Curation.Steps;

namespace Assay.Curation.Tests.Pipeline.TestSteps;

public sealed record WordCountOptions
{
    /// <summary>Sleep 1 ms every this many records (0: never), so a child process runs long enough to be killed mid-task without burning CPU.</summary>
    public int PauseEvery { get; init; }
}

/// <summary>Test annotator: writes the whitespace word count.</summary>
[StepName("test_words_v1", typeof(WordCountOptions))]
public sealed class WordCountStep(WordCountOptions options) : AnnotateStep
{
    private long _seen;

    public override void Annotate(Record record)
    {
        if (options.PauseEvery > 0 && ++_seen % options.PauseEvery == 0) Thread.Sleep(1);
        Signals.Set(record, "test_words_v1", "words", record.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
