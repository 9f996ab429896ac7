using Assay.Curation.Filters.C4;
using Assay.Curation.Steps;

namespace Assay.Curation.Tests.Filters;

public sealed class C4Tests
{
    private static readonly C4LinesOptions Lines = new();
    private static readonly C4QualityOptions Quality = new();

    [Theory]
    [InlineData("This is a good line.", C4LineOutcome.Kept)]
    [InlineData("Is this a question?", C4LineOutcome.Kept)]
    [InlineData("He said it was \"fine.\"", C4LineOutcome.Kept)]
    [InlineData("Too short.", C4LineOutcome.TooFewWords)]
    [InlineData("No punctuation at the end", C4LineOutcome.NoTerminalPunct)]
    [InlineData("Ends with an ellipsis here...", C4LineOutcome.NoTerminalPunct)]
    [InlineData("Please enable JavaScript to view this page.", C4LineOutcome.Javascript)]
    [InlineData("Read our Privacy Policy for details.", C4LineOutcome.Policy)]
    [InlineData("This site uses cookies to work well.", C4LineOutcome.Policy)]
    [InlineData("Lorem ipsum dolor sit amet.", C4LineOutcome.Kept)]          // left for c4_quality to drop the document
    [InlineData("See the privacy policy {here}.", C4LineOutcome.Kept)]       // '{' is checked before policy in datatrove
    [InlineData("Enable javascript for {this} page.", C4LineOutcome.Javascript)] // javascript before '{'
    public void JudgesLinesInDatatrovesOrder(string line, C4LineOutcome expected) =>
        Assert.Equal(expected, C4LineRules.Judge(line, Lines, out _));

    [Fact]
    public void TooLongWordAndCitations()
    {
        string longWord = new('x', 1001);
        Assert.Equal(C4LineOutcome.TooLongWord, C4LineRules.Judge($"A line with {longWord} in it.", Lines, out _));
        Assert.Equal(C4LineOutcome.Kept, C4LineRules.Judge($"A line with {new string('x', 1000)} in it.", Lines, out _));
        Assert.Equal(C4LineOutcome.Kept, C4LineRules.Judge("  The sky is blue[1][edit].  ", Lines, out var kept));
        Assert.Equal("The sky is blue.", kept.ToString());
        // Citation removal happens before the punctuation check: "[citation needed]" at the end is not a terminal.
        Assert.Equal(C4LineOutcome.Kept, C4LineRules.Judge("Cats sleep a lot.[citation needed]", Lines, out kept));
        Assert.Equal("Cats sleep a lot.", kept.ToString());
    }

    [Fact]
    public void MinWordsPerLineBoundaryAndSwitches()
    {
        Assert.Equal(C4LineOutcome.Kept, C4LineRules.Judge("Three words here.", Lines, out _));
        Assert.Equal(C4LineOutcome.TooFewWords, C4LineRules.Judge("Two words.", Lines, out _));
        var lax = new C4LinesOptions { FilterNoTerminalPunct = false, FilterJavascript = false, FilterPolicy = false, MinWordsPerLine = -1 };
        Assert.Equal(C4LineOutcome.Kept, C4LineRules.Judge("no punct javascript privacy policy", lax, out _));
    }

    [Fact]
    public void RewriteDropsLinesAndCountsRemovedChars()
    {
        string text = "Menu\n  The first real sentence is here.  \nEnable javascript to continue.\nAnother proper line of text!\nHome | About";
        var record = TestRecords.Make(text);
        long removed = new C4LinesRewrite(Lines).Rewrite(record);
        Assert.Equal("The first real sentence is here.\nAnother proper line of text!", record.Text);
        Assert.Equal(text.Length - record.Text.Length, removed);
        Assert.Equal(5, TestRecords.Signal(record, "c4_lines", "lines_total"));
        Assert.Equal(2, TestRecords.Signal(record, "c4_lines", "lines_kept"));
        Assert.Equal(1, TestRecords.Signal(record, "c4_lines", "javascript"));
        Assert.Equal(2, TestRecords.Signal(record, "c4_lines", "no_terminal_punct"));
    }

    [Fact]
    public void RewriteOfCleanTextChangesNothing()
    {
        const string text = "One clean line of text.\nAnd another clean line.";
        var record = TestRecords.Make(text);
        Assert.Equal(0, new C4LinesRewrite(Lines).Rewrite(record));
        Assert.Same(text, record.Text);
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    public void MinSentencesBoundary(int sentences, bool kept)
    {
        string text = string.Join(' ', Enumerable.Range(0, sentences).Select(i => $"This is sentence number {i + 1}."));
        var record = TestRecords.Make(text);
        var verdict = new C4QualityFilter(Quality).Judge(record);
        Assert.Equal(kept, verdict.Keep);
        if (!kept) Assert.Equal("c4_quality:too_few_sentences", verdict.Reason);
        Assert.Equal(sentences, TestRecords.Signal(record, "c4_quality", "sentences"));
    }

    private const string FiveSentences = "One is here. Two is here. Three is here. Four is here. Five is here.";

    [Fact]
    public void DocumentRules()
    {
        var filter = new C4QualityFilter(Quality);
        Assert.True(filter.Judge(TestRecords.Make(FiveSentences)).Keep);
        Assert.Equal("c4_quality:lorem_ipsum", filter.Judge(TestRecords.Make(FiveSentences + " Lorem Ipsum dolor.")).Reason);
        Assert.Equal("c4_quality:curly_bracket", filter.Judge(TestRecords.Make(FiveSentences + " Use f(x) { return 1; }.")).Reason);
        Assert.Equal("c4_quality:bad_words", filter.Judge(TestRecords.Make(FiveSentences + " What a load of bullshit.")).Reason);
        // Whole words only: "Scunthorpe" and "shitake" are fine.
        Assert.True(filter.Judge(TestRecords.Make(FiveSentences + " Scunthorpe grows shitake.")).Keep);
        Assert.True(new C4QualityFilter(Quality with { FilterBadWords = false }).Judge(TestRecords.Make(FiveSentences + " Shit.")).Keep);
    }

    [Fact]
    public void BadWordsFromFileRelativeToPipeline()
    {
        string dir = Path.Combine(Path.GetTempPath(), "assay-c4-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllLines(Path.Combine(dir, "bad.txt"), ["# my list", "", "broccoli", "green beans"]);
            var filter = new C4QualityFilter(Quality with { BadWordsFile = "bad.txt" });
            filter.Initialize(new StepContext(0, 1, dir, 0, "c4"));
            Assert.Equal("c4_quality:bad_words", filter.Judge(TestRecords.Make(FiveSentences + " I hate GREEN beans.")).Reason);
            Assert.True(filter.Judge(TestRecords.Make(FiveSentences + " Shit happens.")).Keep); // the file replaces the built-in list
            Assert.Equal("c4_quality:bad_words", filter.Judge(TestRecords.Make(FiveSentences + " Broccoli again.")).Reason);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void LinesThenQualityMirrorsDatatrovesSingleFilter()
    {
        // A policy line containing '{' survives the line pass (datatrove checks '{' first) and drops the document.
        var record = TestRecords.Make(FiveSentences + "\nRead the privacy policy at {site}.");
        new C4LinesRewrite(Lines).Rewrite(record);
        Assert.Equal("c4_quality:curly_bracket", new C4QualityFilter(Quality).Judge(record).Reason);
        // A javascript line containing '{' is dropped as a line, the document stays.
        record = TestRecords.Make(FiveSentences + "\nYou need javascript for {this}.");
        new C4LinesRewrite(Lines).Rewrite(record);
        Assert.True(new C4QualityFilter(Quality).Judge(record).Keep);
        Assert.Equal(FiveSentences, record.Text);
    }
}
