using Assay.Curation.Filters.Blocklists;
using Assay.Curation.Filters.Length;
using Assay.Curation.Steps;

namespace Assay.Curation.Tests.Filters;

public sealed class LengthAndBlocklistTests
{
    private static StepContext Context(string dir = ".") => new(0, 1, dir, 42, "step");

    [Theory]
    [InlineData("abcde", 5L, 5L, true)]
    [InlineData("abcd", 5L, 10L, false)]
    [InlineData("abcdefghijk", 5L, 10L, false)]
    public void CharBounds(string text, long min, long max, bool kept) =>
        Assert.Equal(kept, new LengthBoundsFilter(new LengthBoundsOptions { MinChars = min, MaxChars = max }).Judge(TestRecords.Make(text)).Keep);

    [Fact]
    public void WordAndTokenBounds()
    {
        var words = new LengthBoundsFilter(new LengthBoundsOptions { MinWords = 3, MaxWords = 4 });
        Assert.Equal("length:min_words", words.Judge(TestRecords.Make("two  words")).Reason);
        Assert.True(words.Judge(TestRecords.Make(" three\twords\nhere ")).Keep);
        Assert.Equal("length:max_words", words.Judge(TestRecords.Make("a b c d e")).Reason);

        // Without an injected tokenizer, tokens are whitespace words.
        var record = TestRecords.Make("a b c");
        Assert.Equal("length:max_tokens", new LengthBoundsFilter(new LengthBoundsOptions { MaxTokens = 2 }).Judge(record).Reason);
        Assert.Equal(3, TestRecords.Signal(record, "length", "tokens"));
        // An injected counter (one token per char here) replaces it.
        var perChar = new LengthBoundsFilter(new LengthBoundsOptions { MinTokens = 5, Tokenizer = "chars" }, s => s.Length);
        perChar.Initialize(Context());
        Assert.True(perChar.Judge(TestRecords.Make("a b c")).Keep);
    }

    [Fact]
    public void UnknownTokenizerFailsAtInitialize()
    {
        var filter = new LengthBoundsFilter(new LengthBoundsOptions { MaxTokens = 10, Tokenizer = "gpt2" });
        var error = Assert.Throws<InvalidOperationException>(() => filter.Initialize(Context()));
        Assert.Contains("whitespace", error.Message);
    }

    [Theory]
    [InlineData("https://example.com/page", true)]
    [InlineData("http://www.example.com:8080/x?y=1", true)]
    [InlineData("https://a.b.EXAMPLE.com./", true)]
    [InlineData("https://user:pw@shop.example.com/", true)]
    [InlineData("https://badexample.com/", false)]
    [InlineData("https://example.com.evil.org/", false)]
    [InlineData("https://other.org/example.com", false)]
    public void UrlBlocklistMatchesDomainsAndSubdomains(string url, bool blocked)
    {
        var filter = new UrlBlocklistFilter(new UrlBlocklistOptions { Domains = ["example.com", "*.tracker.net"] });
        filter.Initialize(Context());
        var record = TestRecords.Make("text");
        record.Meta["url"] = url;
        Assert.Equal(!blocked, filter.Judge(record).Keep);
    }

    [Fact]
    public void UrlBlocklistFromFileAndMissingUrls()
    {
        string dir = Path.Combine(Path.GetTempPath(), "assay-url-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllLines(Path.Combine(dir, "domains.txt"), ["# spam", "spam.io", "https://ads.net/whatever"]);
            var filter = new UrlBlocklistFilter(new UrlBlocklistOptions { DomainsFile = "domains.txt" });
            filter.Initialize(Context(dir));
            var record = TestRecords.Make("x");
            record.Meta["url"] = "https://cdn.ads.net/a.js";
            Assert.Equal("url_blocklist:domain", filter.Judge(record).Reason);
            Assert.True(filter.Judge(TestRecords.Make("no url")).Keep);

            var strict = new UrlBlocklistFilter(new UrlBlocklistOptions { DomainsFile = Path.Combine(dir, "domains.txt"), RemoveIfNoUrl = true });
            strict.Initialize(Context());
            Assert.Equal("url_blocklist:no_url", strict.Judge(TestRecords.Make("no url")).Reason);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void WordBlocklistCountsWholeWordsAndPhrases()
    {
        var filter = new WordBlocklistFilter(new WordBlocklistOptions { Words = ["casino", "free money"], MaxMatches = 1 });
        filter.Initialize(Context());
        var one = TestRecords.Make("Visit the Casino tonight.");
        Assert.True(filter.Judge(one).Keep);
        Assert.Equal(1, TestRecords.Signal(one, "word_blocklist", "matches"));
        Assert.Equal("word_blocklist:matches", filter.Judge(TestRecords.Make("casino! FREE MONEY at the casino")).Reason);
        Assert.True(filter.Judge(TestRecords.Make("casinos and freemoney are different words")).Keep);
    }

    [Fact]
    public void StepsThatNeedListsRequireInitialize()
    {
        Assert.Throws<InvalidOperationException>(() => new WordBlocklistFilter(new WordBlocklistOptions()).Judge(TestRecords.Make("x")));
        Assert.Throws<InvalidOperationException>(() => new UrlBlocklistFilter(new UrlBlocklistOptions()).Judge(TestRecords.Make("x")));
    }
}
