using System.Xml.Linq;
using Assay.Core.Reports;

namespace Assay.Core.Tests.Reports;

public sealed class MarkupTests
{
    [Fact]
    public void Escape_replaces_markup_characters()
    {
        Assert.Equal("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;", Markup.Escape("a <b> & \"c\" 'd'"));
    }

    [Fact]
    public void Escape_keeps_plain_text_and_surrogate_pairs()
    {
        Assert.Equal("plain text", Markup.Escape("plain text"));
        Assert.Equal("emoji 😀 ok", Markup.Escape("emoji 😀 ok"));
        Assert.Equal("", Markup.Escape(null));
    }

    [Fact]
    public void Escape_replaces_characters_xml_forbids_so_output_parses()
    {
        string nasty = "nul\0 bell\a lone\uD800 end\uDC00 ok";
        string escaped = Markup.Escape(nasty);
        Assert.DoesNotContain('\0', escaped);
        var parsed = XElement.Parse("<x a=\"" + escaped + "\">" + escaped + "</x>");
        Assert.Equal("nul\uFFFD bell\uFFFD lone\uFFFD end\uFFFD ok", parsed.Value);
    }

    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("abcdefghij", 4, "abcd… (+6 chars)")]
    [InlineData("", 3, "")]
    public void Truncate_cuts_and_reports_what_was_omitted(string text, int max, string expected)
    {
        Assert.Equal(expected, Markup.Truncate(text, max));
    }

    [Fact]
    public void Truncate_never_splits_a_surrogate_pair()
    {
        string t = Markup.Truncate("ab😀cd", 3);
        Assert.StartsWith("ab…", t);
    }
}
