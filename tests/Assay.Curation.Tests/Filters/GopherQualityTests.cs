using Assay.Curation.Filters.Gopher;

namespace Assay.Curation.Tests.Filters;

public sealed class GopherQualityTests
{
    private static readonly GopherQualityOptions Defaults = new();

    [Fact]
    public void MeasuresAHandCountedDocument()
    {
        // Tokens: The cat sat . | - item one | • item two | waiting ... | # hashtag and more…  (16, 5 made of punctuation)
        const string text = "The cat sat.\n- item one\n• item two\nwaiting...\n#hashtag and more…";
        var m = GopherQualityMeasures.Compute(text);
        Assert.Equal(16, m.Words);
        Assert.Equal(12, m.NonSymbolWords); // '•' is not in datatrove's PUNCTUATION_SET, so it counts as a word
        Assert.Equal(46.0 / 12, m.MeanWordLength, 12);
        Assert.Equal(1.0 / 16, m.HashRatio, 12);
        Assert.Equal(2.0 / 16, m.EllipsisRatio, 12);
        Assert.Equal(2.0 / 5, m.BulletLinesRatio, 12);
        Assert.Equal(2.0 / 5, m.EllipsisLinesRatio, 12);
        Assert.Equal(11.0 / 16, m.AlphaWordsRatio, 12);
        Assert.Equal(1, m.StopWords); // "The" is not "the": datatrove compares case-sensitively
    }

    [Fact]
    public void DefaultsArePapersThresholds()
    {
        Assert.Equal((50, 100_000, 3.0, 10.0, 0.1, 0.9, 0.3, 0.8, 2),
            (Defaults.MinDocWords, Defaults.MaxDocWords, Defaults.MinAvgWordLength, Defaults.MaxAvgWordLength, Defaults.MaxSymbolWordRatio,
             Defaults.MaxBulletLinesRatio, Defaults.MaxEllipsisLinesRatio, Defaults.MaxNonAlphaWordsRatio, Defaults.MinStopWords));
    }

    [Theory]
    [InlineData(49, false)]
    [InlineData(50, true)]
    public void WordCountLowerBound(int words, bool kept)
    {
        var record = TestRecords.Make(TestRecords.Words(words) + ".");
        var verdict = new GopherQualityFilter(Defaults).Judge(record);
        Assert.Equal(kept, verdict.Keep);
        if (!kept) Assert.Equal("gopher_quality:short_doc", verdict.Reason);
        Assert.Equal(words, TestRecords.Signal(record, "gopher_quality", "word_count"));
    }

    [Theory]
    [InlineData(60, true)]
    [InlineData(61, false)]
    public void WordCountUpperBound(int words, bool kept)
    {
        var options = Defaults with { MaxDocWords = 60 };
        var verdict = new GopherQualityFilter(options).Judge(TestRecords.Make(TestRecords.Words(words)));
        Assert.Equal(kept, verdict.Keep);
        if (!kept) Assert.Equal("gopher_quality:long_doc", verdict.Reason);
    }

    [Fact]
    public void MeanWordLengthBounds()
    {
        // 50 three-letter words: mean exactly 3 stays; one two-letter word pulls it under 3.
        string three = TestRecords.Words(50, "the", "and", "cat", "dog");
        Assert.True(new GopherQualityFilter(Defaults).Judge(TestRecords.Make(three)).Keep);
        string under = TestRecords.Words(49, "the", "and", "cat", "dog") + " at";
        Assert.Equal("gopher_quality:below_avg_word_length", new GopherQualityFilter(Defaults).Judge(TestRecords.Make(under)).Reason);

        var ten = new GopherQualityMeasures(50, 50, 10.0, 0, 0, 0, 0, 1, 2);
        Assert.True(GopherQualityFilter.Decide(ten, Defaults).Keep);
        Assert.Equal("gopher_quality:above_avg_word_length", GopherQualityFilter.Decide(ten with { MeanWordLength = 10.02 }, Defaults).Reason);
    }

    [Fact]
    public void HashAndEllipsisRatios()
    {
        // 100 tokens of which 10 are '#' → ratio 0.1 (kept); 11 → removed.
        string Doc(int hashes) => TestRecords.Words(100 - hashes) + string.Concat(Enumerable.Repeat(" #", hashes));
        Assert.True(new GopherQualityFilter(Defaults with { MaxNonAlphaWordsRatio = null }).Judge(TestRecords.Make(Doc(10))).Keep);
        Assert.Equal("gopher_quality:too_many_hashes",
            new GopherQualityFilter(Defaults with { MaxNonAlphaWordsRatio = null }).Judge(TestRecords.Make(Doc(11))).Reason);

        var m = new GopherQualityMeasures(100, 100, 5, 0, 0.1, 0, 0, 1, 2);
        Assert.True(GopherQualityFilter.Decide(m, Defaults).Keep);
        Assert.Equal("gopher_quality:too_many_ellipsis", GopherQualityFilter.Decide(m with { EllipsisRatio = 0.11 }, Defaults).Reason);
    }

    [Fact]
    public void BulletAndEllipsisLines()
    {
        // 10 lines, 9 bullets → 0.9 kept; all 10 → removed.
        string Bullets(int bullets) => string.Join('\n', Enumerable.Range(0, 10).Select(i =>
            (i < bullets ? "  - " : "") + TestRecords.Words(8) + "."));
        Assert.True(new GopherQualityFilter(Defaults).Judge(TestRecords.Make(Bullets(9))).Keep);
        Assert.Equal("gopher_quality:too_many_bullets", new GopherQualityFilter(Defaults).Judge(TestRecords.Make(Bullets(10))).Reason);

        // 10 lines, 3 ending with an ellipsis → 0.3 kept; 4 → removed (and the ellipsis count itself stays ≤ 0.1 of words).
        string Ellipses(int n) => string.Join('\n', Enumerable.Range(0, 10).Select(i =>
            TestRecords.Words(8) + (i < n ? (i % 2 == 0 ? "...  " : "…") : ".")));
        Assert.True(new GopherQualityFilter(Defaults).Judge(TestRecords.Make(Ellipses(3))).Keep);
        Assert.Equal("gopher_quality:too_many_end_ellipsis", new GopherQualityFilter(Defaults).Judge(TestRecords.Make(Ellipses(4))).Reason);
    }

    [Fact]
    public void AlphabeticWordsRatio()
    {
        // 80 words with letters + 20 numbers → 0.8 kept; 79 + 21 → removed.
        string Doc(int alpha) => TestRecords.Words(alpha) + string.Concat(Enumerable.Repeat(" 1234", 100 - alpha));
        Assert.True(new GopherQualityFilter(Defaults).Judge(TestRecords.Make(Doc(80))).Keep);
        Assert.Equal("gopher_quality:below_alpha_threshold", new GopherQualityFilter(Defaults).Judge(TestRecords.Make(Doc(79))).Reason);
    }

    [Fact]
    public void StopWords()
    {
        string Doc(int stops) => string.Join(' ', Enumerable.Repeat("garden", 60 - stops).Concat(Enumerable.Repeat("with", stops)));
        Assert.True(new GopherQualityFilter(Defaults).Judge(TestRecords.Make(Doc(2))).Keep);
        var record = TestRecords.Make(Doc(1));
        Assert.Equal("gopher_quality:not_enough_stop_words", new GopherQualityFilter(Defaults).Judge(record).Reason);
        Assert.Equal(1, TestRecords.Signal(record, "gopher_quality", "stop_words"));
        // A custom list replaces the default one.
        Assert.True(new GopherQualityFilter(Defaults with { StopWords = ["garden"] }).Judge(TestRecords.Make(Doc(0))).Keep);
    }

    [Fact]
    public void DisabledRulesAndEmptyText()
    {
        var none = new GopherQualityOptions
        {
            MinDocWords = null, MaxDocWords = null, MinAvgWordLength = null, MaxAvgWordLength = null, MaxSymbolWordRatio = null,
            MaxBulletLinesRatio = null, MaxEllipsisLinesRatio = null, MaxNonAlphaWordsRatio = null, MinStopWords = null,
        };
        var record = TestRecords.Make("");
        Assert.True(new GopherQualityFilter(none).Judge(record).Keep);
        Assert.Equal(0, TestRecords.Signal(record, "gopher_quality", "word_count"));
        Assert.Equal("gopher_quality:short_doc", new GopherQualityFilter(Defaults).Judge(TestRecords.Make("")).Reason);
    }
}
