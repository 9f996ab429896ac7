using Assay.Curation.Filters.Text;

namespace Assay.Curation.Tests.Filters;

public sealed class WordTokenizerTests
{
    private static string[] Tokenize(string text)
    {
        var tokens = new WordTokens();
        WordTokenizer.Tokenize(text, tokens);
        return tokens.ToArray();
    }

    // Expected values are what nltk.word_tokenize (datatrove's English tokenizer) returns.
    [Theory]
    [InlineData("Hello, world.", "Hello|,|world|.")]
    [InlineData("Don't stop!", "Do|n't|stop|!")]
    [InlineData("I can't go.", "I|ca|n't|go|.")]
    [InlineData("He said \"hi\" to me.", "He|said|``|hi|''|to|me|.")]
    [InlineData("It costs $5.00, ok?", "It|costs|$|5.00|,|ok|?")]
    [InlineData("Mr. Smith went to Washington.", "Mr.|Smith|went|to|Washington|.")]
    [InlineData("We have 1,000 people at 10:30.", "We|have|1,000|people|at|10:30|.")]
    [InlineData("Wait... what--no", "Wait|...|what|--|no")]
    [InlineData("They're here (mostly).", "They|'re|here|(|mostly|)|.")]
    [InlineData("the U.S. economy, e.g. this", "the|U.S.|economy|,|e.g.|this")]
    [InlineData("You cannot", "You|can|not")]
    [InlineData("mail a@b.com now", "mail|a|@|b.com|now")]
    [InlineData("#tag and 50% off; really", "#|tag|and|50|%|off|;|really")]
    [InlineData("the dogs' bones", "the|dogs|'|bones")]
    [InlineData("J. R. R. Tolkien wrote.", "J.|R.|R.|Tolkien|wrote|.")]
    [InlineData("", "")]
    [InlineData("   \n\t ", "")]
    public void MatchesNltkOnCommonCases(string text, string expected)
    {
        var want = expected.Length == 0 ? [] : expected.Split('|');
        Assert.Equal(want, Tokenize(text));
    }

    [Fact]
    public void BufferIsReusedAndConcatenatesTokens()
    {
        var tokens = new WordTokens();
        WordTokenizer.Tokenize("a long first document, with words.", tokens);
        WordTokenizer.Tokenize("ab c", tokens);
        Assert.Equal(2, tokens.Count);
        Assert.Equal("abc", tokens.Chars.ToString());
        Assert.Equal(2, tokens.LengthOf(0));
    }

    [Theory]
    [InlineData("One. Two. Three.", 3)]
    [InlineData("Mr. Smith came. He left.", 2)]
    [InlineData("Is it? Yes! Really.", 3)]
    [InlineData("He said \"stop.\" Then he left.", 2)]
    [InlineData("No terminal punctuation", 1)]
    [InlineData("Pi is 3.14 exactly.", 1)]
    [InlineData("  ", 0)]
    public void CountsSentencesLikePunkt(string text, int expected) =>
        Assert.Equal(expected, SentenceCounter.Count(text));

    [Fact]
    public void SplitLinesFollowsPython()
    {
        var lines = new List<Range>();
        const string text = "a\r\nb\rc\n\nd\u2028e\n";
        PythonText.SplitLines(text, lines);
        Assert.Equal(["a", "b", "c", "", "d", "e"], lines.Select(r => text[r]).ToArray());
        Assert.Equal(0, PythonText.SplitLines("", lines));
    }

    [Fact]
    public void PunctuationSetMatchesDatatrove()
    {
        Assert.True(Punctuation.IsSymbolWord("...!?#"));
        Assert.True(Punctuation.IsSymbolWord("«»“”"));
        Assert.True(Punctuation.Contains('\x01'));
        Assert.False(Punctuation.Contains('\t')); // 9 and 10 are outside datatrove's control ranges
        Assert.False(Punctuation.IsSymbolWord("a."));
        Assert.False(Punctuation.IsSymbolWord("1"));
    }
}
