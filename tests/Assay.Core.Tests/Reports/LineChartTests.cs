using Assay.Core.Reports;

namespace Assay.Core.Tests.Reports;

public sealed class LineChartTests
{
    [Fact]
    public void One_path_per_series_and_one_dot_per_point()
    {
        var chart = new LineChart("Loss") { XLabel = "step", YLabel = "loss" }
            .Add("train", [(0, 2.0), (1, 1.5), (2, 1.2), (3, 1.1)])
            .Add("valid <held-out>", [(0, 2.1), (2, 1.4)]);
        var svg = Svg.Parse(chart.ToSvg());
        Assert.Equal(2, Svg.ByClass(svg, "line").Count);
        Assert.Equal(6, Svg.ByClass(svg, "point").Count);
        Assert.Equal(["train", "valid <held-out>"], Svg.ByClass(svg, "legend-label").Select(e => e.Value));
    }

    [Fact]
    public void Path_has_a_vertex_per_point_and_larger_series_hide_dots()
    {
        var chart = new LineChart("curve").Add("s", Enumerable.Range(0, 500).Select(i => Math.Sin(i / 30.0)));
        var svg = Svg.Parse(chart.ToSvg());
        var path = Assert.Single(Svg.ByClass(svg, "line"));
        string d = (string)path.Attribute("d")!;
        Assert.Equal(500, d.Count(c => c is 'M' or 'L'));
        Assert.Empty(Svg.ByClass(svg, "point"));
    }

    [Fact]
    public void Long_series_are_decimated_without_losing_extremes()
    {
        var ys = Enumerable.Range(0, 200_000).Select(i => Math.Sin(i / 5000.0) + (i == 123_456 ? 5 : 0)).ToList();
        var chart = new LineChart("long").Add("s", ys);
        var svg = Svg.Parse(chart.ToSvg());
        string d = (string)Assert.Single(Svg.ByClass(svg, "line")).Attribute("d")!;
        int vertices = d.Count(c => c is 'M' or 'L');
        Assert.InRange(vertices, 100, 4 * 720);
    }

    [Fact]
    public void Decimation_keeps_order_ends_and_extremes_per_pixel_column()
    {
        var rng = new Random(3);
        var pts = Enumerable.Range(0, 50_000).Select(i => (X: i / 100.0, Y: rng.NextDouble())).ToList();
        pts[31_337] = (pts[31_337].X, 9);
        pts[777] = (pts[777].X, -9);
        var kept = LineChart.Decimate(pts);
        Assert.InRange(kept.Count, 500, 4 * 500);
        Assert.Equal(pts[0], kept[0]);
        Assert.Equal(pts[^1], kept[^1]);
        Assert.Contains(pts[31_337], kept);
        Assert.Contains(pts[777], kept);
        Assert.True(kept.Zip(kept.Skip(1), (a, b) => b.X >= a.X).All(x => x));
        var small = pts.Take(100).ToList();
        Assert.Same(small, LineChart.Decimate(small));
    }

    [Fact]
    public void Gaps_break_the_line()
    {
        var chart = new LineChart("gaps").Add("s", [(0, 1.0), (1, double.NaN), (2, 3.0), (3, 4.0)]);
        var svg = Svg.Parse(chart.ToSvg());
        Assert.Equal(2, Svg.ByClass(svg, "line").Count);
        Assert.Equal(3, Svg.ByClass(svg, "point").Count);
    }

    [Fact]
    public void Log_axes_drop_non_positive_points()
    {
        var chart = new LineChart("log") { LogX = true, LogY = true }
            .Add("s", [(0, 1.0), (1, 10.0), (10, 100.0), (100, 0.0), (1000, 5.0)]);
        var svg = Svg.Parse(chart.ToSvg());
        Assert.Equal(3, Svg.ByClass(svg, "point").Count);
        Assert.Contains(Svg.ByClass(svg, "tick"), t => t.Value == "1k");
    }

    [Fact]
    public void Empty_and_degenerate_inputs_do_not_throw()
    {
        Assert.Single(Svg.ByClass(Svg.Parse(new LineChart("none").ToSvg()), "no-data"));
        Assert.Single(Svg.ByClass(Svg.Parse(new LineChart("nan").Add("s", [double.NaN]).ToSvg()), "no-data"));
        var flat = Svg.Parse(new LineChart("flat").Add("s", [(5, 1.0), (5, 1.0)]).ToSvg());
        Assert.Equal(2, Svg.ByClass(flat, "point").Count);
        Svg.Parse(new LineChart("neg log") { LogY = true }.Add("s", [-1.0, -2.0]).ToSvg());
    }

    [Fact]
    public void Markers_are_drawn_and_extend_the_axis()
    {
        var chart = new LineChart("m") { Markers = [new ChartMarker(50, "chosen <t>")] }.Add("s", [(0, 0.0), (10, 1.0)]);
        var svg = Svg.Parse(chart.ToSvg());
        Assert.Equal("chosen <t>", Assert.Single(Svg.ByClass(svg, "marker")).Value);
        Assert.Contains(Svg.ByClass(svg, "tick"), t => t.Value == "50");
    }
}
