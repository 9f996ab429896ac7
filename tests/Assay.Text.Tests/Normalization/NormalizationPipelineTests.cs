using Assay.Text.Normalization;

namespace Assay.Text.Tests.Normalization;

public sealed class NormalizationPipelineTests
{
    [Fact]
    public void Default_pipeline_cleans_a_scraped_snippet_and_counts_per_step()
    {
        var p = NormalizationPipeline.FromNames(TextNormalizers.DefaultPipeline);
        string scraped = "\uFEFF  CafÃ© &amp; Bar\r\n\r\n\r\n\r\nOpen&nbsp;daily\u0007  ";
        Span<int> changes = stackalloc int[p.Steps.Count];
        string clean = p.Apply(scraped, changes);
        Assert.Equal("Café & Bar\n\nOpen daily", clean);
        Assert.Equal(2, changes[0]);             // mojibake: Ã© → é
        Assert.Equal(5 + 6, changes[1]);         // &amp; &nbsp;
        Assert.Equal(2, changes[2]);             // BOM, BEL
        Assert.Equal(0, changes[3]);             // already NFC
        Assert.Equal(8, changes[4]);             // four CRLF
        Assert.True(changes[5] > 0);
    }

    [Fact]
    public void Unknown_name_lists_the_valid_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => TextNormalizers.Create("nfc"));
        Assert.Contains("nfc_v1", e.Message);
        Assert.Contains("mojibake_v1", e.Message);
        foreach (var name in TextNormalizers.Names)
            Assert.Equal(name, TextNormalizers.Create(name).Name);
    }
}
