using Assay.Curation.Filters.FineWeb;

namespace Assay.Curation.Tests.Filters;

public sealed class FineWebQualityTests
{
    private static readonly FineWebQualityOptions Defaults = new();

    [Fact]
    public void MeasuresAHandCountedDocument()
    {
        // split("\n") → ["Hello there.", "short", "Hello there.", ""]; words: Hello there . short Hello there .
        var m = FineWebQualityMeasures.Compute("Hello there.\nshort\nHello there.\n");
        Assert.Equal(2.0 / 4, m.LinePunctRatio, 12);
        Assert.Equal(1.0, m.ShortLineRatio, 12);
        Assert.Equal(12.0 / 29, m.DupLineCharRatio, 12);
        Assert.Equal(3.0 / 7, m.NewLineRatio, 12);
    }

    [Fact]
    public void DefaultsFollowFineWeb()
    {
        Assert.Equal((0.12, false, 0.67, 30, 0.1, 0.3),
            (Defaults.LinePunctThr, Defaults.LinePunctExcludeZero, Defaults.ShortLineThr, Defaults.ShortLineLength, Defaults.CharDuplicatesRatio, Defaults.NewLineRatio));
    }

    [Theory]
    [InlineData(0.12, 0.0, 0.0, 0.0, "fineweb_quality:line_punct_ratio")] // <= removes
    [InlineData(0.13, 0.0, 0.0, 0.0, null)]
    [InlineData(0.5, 0.67, 0.0, 0.0, "fineweb_quality:short_line_ratio")] // >= removes
    [InlineData(0.5, 0.66, 0.0, 0.0, null)]
    [InlineData(0.5, 0.0, 0.1, 0.0, "fineweb_quality:char_dup_ratio")]    // >= removes
    [InlineData(0.5, 0.0, 0.099, 0.0, null)]
    [InlineData(0.5, 0.0, 0.0, 0.3, null)]                                 // > removes
    [InlineData(0.5, 0.0, 0.0, 0.31, "fineweb_quality:list_ratio")]
    public void ThresholdBoundaries(double punct, double shortLines, double dup, double newLines, string? reason)
    {
        var verdict = FineWebQualityFilter.Decide(new FineWebQualityMeasures(punct, shortLines, dup, newLines), Defaults);
        Assert.Equal(reason, verdict.Reason);
        Assert.Equal(reason is null, verdict.Keep);
    }

    [Fact]
    public void ExcludeZeroSparesDocumentsWithoutAnyPunctuatedLine()
    {
        var m = new FineWebQualityMeasures(0, 0, 0, 0);
        Assert.False(FineWebQualityFilter.Decide(m, Defaults).Keep);
        Assert.True(FineWebQualityFilter.Decide(m, Defaults with { LinePunctExcludeZero = true }).Keep);
    }

    [Fact]
    public void EndToEnd()
    {
        var prose = TestRecords.Make(
            "The river rose steadily through the night as rain kept falling on the hills above the town.\n" +
            "By morning the lower streets were under water and the school had closed for the day.\n" +
            "Volunteers brought sandbags while the council opened the sports hall as a shelter.");
        Assert.True(new FineWebQualityFilter(Defaults).Judge(prose).Keep);
        Assert.True(TestRecords.HasSignal(prose, "fineweb_quality", "new_line_ratio"));

        var menu = TestRecords.Make("Home\nAbout us\nProducts\nContact\nLogin\nThe shop is open every day of the week.");
        Assert.Equal("fineweb_quality:short_line_ratio", new FineWebQualityFilter(Defaults).Judge(menu).Reason);

        // 3 tokens a line (word, word, '.'), long enough not to be short lines: 19 newlines / 60 words > 0.3.
        var list = TestRecords.Make(string.Join('\n', Enumerable.Range(0, 20).Select(i => $"Internationalization-considerations{i} notwithstanding.")));
        Assert.Equal("fineweb_quality:list_ratio", new FineWebQualityFilter(Defaults).Judge(list).Reason);
    }
}
