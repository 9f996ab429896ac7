using System.Xml.Linq;
using Assay.Core.Reports;

namespace Assay.Core.Tests.Reports;

public sealed class TableTests
{
    [Fact]
    public void Cells_are_escaped_formatted_and_numbers_right_aligned()
    {
        var table = new Table("reason", "removed", "share") { Caption = "Removals <all>" }
            .AddRow("<script>alert(1)</script>", 1234567L, 0.12345)
            .AddRow("a & b", 3, null);
        var html = XElement.Parse(table.ToHtml());
        var rows = html.Descendants("tbody").Single().Elements("tr").ToList();
        Assert.Equal(2, rows.Count);
        var first = rows[0].Elements("td").ToList();
        Assert.Equal("<script>alert(1)</script>", first[0].Value);
        Assert.Equal("1,234,567", first[1].Value);
        Assert.Equal("0.1235", first[2].Value);
        Assert.Equal("num", (string?)first[1].Attribute("class"));
        Assert.Null(first[0].Attribute("class"));
        Assert.Equal("num", (string?)rows[1].Elements("td").ElementAt(2).Attribute("class"));
        Assert.Equal("Removals <all>", html.Descendants("caption").Single().Value);
        Assert.DoesNotContain("<script>", table.ToHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_must_match_the_columns()
    {
        Assert.Throws<ArgumentException>(() => new Table("a", "b").AddRow(1));
        Assert.Throws<ArgumentException>(() => new Table());
    }

    [Fact]
    public void Empty_table_renders_headers()
    {
        var html = XElement.Parse(new Table("only").ToHtml());
        Assert.Equal("only", html.Descendants("th").Single().Value);
        Assert.Empty(html.Descendants("td"));
    }
}
