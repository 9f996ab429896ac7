using Assay.Text.LanguageModel;

namespace Assay.Text.Tests.LanguageModel;

public sealed class WordTokenizerTests
{
    [Fact]
    public void Lowercases_splits_punctuation_keeps_inner_apostrophes()
    {
        Assert.Equal(["don't", "stop", ",", "mr", ".", "smith", "'", "s", "—", "2026", "!"],
            WordTokenizer.Split("  Don't STOP, Mr. Smith 's — 2026!"));
    }

    [Fact]
    public void Empty_and_whitespace_give_no_tokens()
    {
        Assert.Empty(WordTokenizer.Split(""));
        Assert.Empty(WordTokenizer.Split(" \t\n"));
    }
}
