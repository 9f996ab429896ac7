using Assay.Curation.Dedup;

namespace Assay.Curation.Tests.Dedup;

public sealed class NormalizedWordsTests
{
    [Theory]
    [InlineData("Hello, World!", "hello world")]
    [InlineData("  state-of-the-art\n\tMODEL  ", "state of the art model")]
    [InlineData("", "")]
    [InlineData("...!!!", "")]
    [InlineData("Ünïcode ÉTÉ naïve 2²", "ünïcode été naïve 2²")]
    [InlineData("line\r\nbreak", "line break")]
    [InlineData("İSTANBUL ΑΣ Σ", "istanbul ασ σ")] // simple case mapping: no dotted i, no final sigma
    [InlineData("snake_case x_1", "snake case x 1")]
    public void NormalizesCasePunctuationAndWhitespace(string input, string expected)
    {
        var w = new NormalizedWords();
        w.Load(input);
        Assert.Equal(expected, w.ToString());
        Assert.Equal(expected.Length == 0 ? 0 : expected.Split(' ').Length, w.Count);
    }

    [Fact]
    public void SpansAreContiguousWordRuns()
    {
        var w = new NormalizedWords();
        w.Load("The quick, brown FOX jumps.");
        Assert.Equal("quick brown fox", System.Text.Encoding.UTF8.GetString(w.Span(1, 3)));
        Assert.Equal("jumps", System.Text.Encoding.UTF8.GetString(w.Word(4)));
    }

    [Fact]
    public void ReusedBuffersGrowForLongTexts()
    {
        var w = new NormalizedWords();
        string longText = string.Join(' ', Enumerable.Range(0, 5000).Select(i => $"w{i}"));
        w.Load(longText);
        Assert.Equal(5000, w.Count);
        w.Load("short one");
        Assert.Equal("short one", w.ToString());
    }
}
