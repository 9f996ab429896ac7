using Assay.Curation.Dedup;

namespace Assay.Curation.Tests.Dedup;

public sealed class LineDedupTests
{
    [Fact]
    public void RemovesLinesSeenEarlierInTheCorpusOrDocument()
    {
        var dedup = new LineDeduplicator(new LineDedupOptions());
        var a = dedup.Process(new("a", "Subscribe to our newsletter today\nFirst article body here.\nOK\n"));
        var b = dedup.Process(new("b", "Second article body here.\nSUBSCRIBE to our newsletter, today!\nOK\nSecond article body here.\n"));
        Assert.Equal("Subscribe to our newsletter today\nFirst article body here.\nOK\n", a.Text);
        Assert.Equal(0, a.UnitsRemoved);
        // "OK" is below the 3-word minimum and stays; the repeated body line inside b goes too.
        Assert.Equal("Second article body here.\nOK\n", b.Text);
        Assert.Equal(2, b.UnitsRemoved);
        Assert.Equal("SUBSCRIBE to our newsletter, today!\n".Length + "Second article body here.\n".Length, b.CharsRemoved);
    }

    [Fact]
    public void ParagraphModeComparesBlocksBetweenBlankLines()
    {
        var dedup = new LineDeduplicator(new LineDedupOptions { Unit = DedupUnit.Paragraph });
        dedup.Process(new("a", "Shared paragraph line one\nline two of it\n\nUnique A text here.\n"));
        var b = dedup.Process(new("b", "Unique B text here.\n\nshared paragraph line one\nLINE TWO of it\n\nShared paragraph line one\n"));
        // The two-line paragraph is a repeat; its first line alone is a different unit.
        Assert.Equal("Unique B text here.\n\nShared paragraph line one\n", b.Text);
        Assert.Equal(1, b.UnitsRemoved);
    }
}
