using Assay.Text.Normalization;

namespace Assay.Text.Tests.Normalization;

public sealed class ControlAndWhitespaceTests
{
    [Fact]
    public void Control_characters_go_but_tabs_newlines_and_joiners_stay()
    {
        var r = new ControlCharacterRemover();
        // A BOM, a NUL, a bell, an escape sequence, a C1 control, a zero-width joiner in an emoji.
        string text = "\uFEFFHello\0 world\a\u001B[0m\u0085!\tok\r\n👩\u200D💻";
        Assert.Equal("Hello world[0m!\tok\r\n👩\u200D💻", r.Apply(text, out int changed));
        Assert.Equal(5, changed);
        Assert.Same("plain", r.Apply("plain", out changed));
        Assert.Equal(0, changed);
    }

    [Fact]
    public void Line_endings_become_newlines()
    {
        var r = new LineEndingNormalizer();
        Assert.Equal("a\nb\nc\nd\ne\n", r.Apply("a\r\nb\rc\u2028d\u0085e\r\n", out int changed));
        Assert.Equal(2 + 1 + 1 + 1 + 2, changed);
        Assert.Same("a\nb", r.Apply("a\nb", out changed));
        Assert.Equal(0, changed);
    }

    [Fact]
    public void Whitespace_collapses_trims_lines_and_limits_blank_lines()
    {
        var r = new WhitespaceNormalizer();
        string text = "  Title\u00A0\u00A0text \n\n\n\n\tIndented\u3000word  \n";
        Assert.Equal("Title text\n\nIndented word", r.Apply(text, out int changed));
        // 2 leading, nbsp pair → space (2), trailing space (1), 2 extra newlines, tab (1), ideographic space (1), 2 trailing spaces, final newline.
        Assert.Equal(2 + 2 + 1 + 2 + 1 + 1 + 2 + 1, changed);
    }

    [Fact]
    public void Clean_text_is_returned_as_is()
    {
        var r = new WhitespaceNormalizer();
        const string text = "One line.\n\nAnother line with single spaces.";
        Assert.Same(text, r.Apply(text, out int changed));
        Assert.Equal(0, changed);
    }
}
