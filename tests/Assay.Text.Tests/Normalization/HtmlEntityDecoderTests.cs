using Assay.Text.Normalization;

namespace Assay.Text.Tests.Normalization;

public sealed class HtmlEntityDecoderTests
{
    private static string Decode(string s, out int changed) => new HtmlEntityDecoder().Apply(s, out changed);

    [Fact]
    public void Named_entities_from_scraped_pages()
    {
        Assert.Equal("Tom & Jerry’s “best” café — 5 €…", Decode("Tom &amp; Jerry&rsquo;s &ldquo;best&rdquo; caf&eacute; &mdash; 5&nbsp;&euro;&hellip;", out int changed).Replace('\u00A0', ' '));
        Assert.Equal("&amp;".Length + "&rsquo;".Length + "&ldquo;".Length + "&rdquo;".Length + "&eacute;".Length + "&mdash;".Length + "&nbsp;".Length + "&euro;".Length + "&hellip;".Length, changed);
    }

    [Fact]
    public void Numeric_references_follow_html5()
    {
        Assert.Equal("It's é A 😀 € \uFFFD \uFFFD", Decode("It&#39;s &#233; &#x41; &#x1F600; &#128; &#0; &#xD800;", out int changed));
        Assert.Equal(5 + 6 + 6 + 9 + 6 + 4 + 8, changed);
        Assert.Equal("é!", Decode("&#233!", out _));
    }

    [Fact]
    public void Decodes_once_and_keeps_what_is_not_a_reference()
    {
        Assert.Equal("&lt;b&gt;", Decode("&amp;lt;b&amp;gt;", out _));
        const string text = "AT&T, a & b, &bogus; &amp no semicolon, &#; &#xZZ;";
        Assert.Same(text, Decode(text, out int changed));
        Assert.Equal(0, changed);
    }

    [Fact]
    public void Html5_names_beyond_html4()
    {
        Assert.Equal("a: b, c. (d)", Decode("a&colon; b&comma; c&period; &lpar;d&rpar;", out _));
        Assert.Equal("'", Decode("&apos;", out _));
    }
}
