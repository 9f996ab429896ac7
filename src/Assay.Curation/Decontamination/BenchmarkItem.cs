namespace Assay.Curation.Decontamination;

/// <summary>One evaluation example; question-and-answer items are checked as their concatenation.</summary>
public sealed record BenchmarkItem(string Id, string Text)
{
    public static BenchmarkItem FromQuestionAnswer(string id, string question, string answer) => new(id, question + "\n" + answer);
}
