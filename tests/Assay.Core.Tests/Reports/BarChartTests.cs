using Assay.Core.Reports;

namespace Assay.Core.Tests.Reports;

public sealed class BarChartTests
{
    private static KeyValuePair<string, double> Kv(string k, double v) => new(k, v);

    [Fact]
    public void One_bar_per_category_with_escaped_labels()
    {
        var chart = new BarChart("Reasons", [Kv("a<b", 3), Kv("c&d", 10), Kv("\"e\"", 1)]);
        var svg = Svg.Parse(chart.ToSvg());
        Assert.Equal(3, Svg.ByClass(svg, "bar").Count);
        var labels = Svg.ByClass(svg, "label").Select(e => e.Value).ToList();
        Assert.Equal(["a<b", "c&d", "\"e\""], labels);
    }

    [Fact]
    public void Sorting_and_limit()
    {
        var items = new[] { Kv("x", 2), Kv("y", 9), Kv("z", 5), Kv("w", 1) };
        var desc = new BarChart("t", items) { Sort = BarSort.Descending, Limit = 3 };
        var svg = Svg.Parse(desc.ToSvg());
        Assert.Equal(["y", "z", "x"], Svg.ByClass(svg, "label").Select(e => e.Value));
        Assert.Contains(svg.Descendants(), e => e.Value.Contains("showing 3 of 4", StringComparison.Ordinal));
        var byLabel = new BarChart("t", items) { Sort = BarSort.Label };
        Assert.Equal(["w", "x", "y", "z"], Svg.ByClass(Svg.Parse(byLabel.ToSvg()), "label").Select(e => e.Value));
    }

    [Fact]
    public void Long_labels_switch_to_horizontal_bars()
    {
        var items = new[]
        {
            Kv("a very long removal reason name", 4), Kv("another quite long reason", 2),
            Kv("third long reason for removal", 1), Kv("fourth long reason for removal", 1), Kv("fifth long reason", 1),
        };
        var bars = Svg.ByClass(Svg.Parse(new BarChart("t", items).ToSvg()), "bar");
        // Horizontal: bars differ in width, share a height.
        Assert.Equal(Svg.Attr(bars[0], "height"), Svg.Attr(bars[1], "height"));
        Assert.Equal(2.0, Svg.Attr(bars[0], "width") / Svg.Attr(bars[1], "width"), 2);
        var vertical = Svg.ByClass(Svg.Parse(new BarChart("t", items) { Orientation = BarOrientation.Vertical }.ToSvg()), "bar");
        Assert.Equal(Svg.Attr(vertical[0], "width"), Svg.Attr(vertical[1], "width"));
    }

    [Fact]
    public void Horizontal_height_grows_with_bar_count()
    {
        var few = Svg.Parse(new BarChart("t", [Kv("a", 1)]) { Orientation = BarOrientation.Horizontal }.ToSvg());
        var many = Svg.Parse(new BarChart("t", Enumerable.Range(0, 30).Select(i => Kv("c" + i, i))).ToSvg());
        Assert.True(Svg.Attr(many, "height") > Svg.Attr(few, "height") + 500);
        Assert.Equal(30, Svg.ByClass(many, "bar").Count);
    }

    [Fact]
    public void Empty_negative_and_non_finite_values_do_not_throw()
    {
        Assert.Single(Svg.ByClass(Svg.Parse(new BarChart("t", []).ToSvg()), "no-data"));
        var mixed = new BarChart("t", [Kv("up", 3), Kv("down", -2), Kv("nan", double.NaN)]);
        Assert.Equal(2, Svg.ByClass(Svg.Parse(mixed.ToSvg()), "bar").Count);
        var zeros = new BarChart("t", [Kv("a", 0), Kv("b", 0)]) { Orientation = BarOrientation.Horizontal };
        Assert.Equal(2, Svg.ByClass(Svg.Parse(zeros.ToSvg()), "bar").Count);
    }

    [Fact]
    public void From_counts_sorts_descending_by_default()
    {
        var chart = BarChart.FromCounts("t", new Dictionary<string, long> { ["a"] = 1, ["b"] = 5 });
        Assert.Equal(["b", "a"], Svg.ByClass(Svg.Parse(chart.ToSvg()), "label").Select(e => e.Value));
    }
}
