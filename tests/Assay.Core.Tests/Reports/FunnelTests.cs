using Assay.Core.Reports;

namespace Assay.Core.Tests.Reports;

public sealed class FunnelTests
{
    private static KeyValuePair<string, long> R(string reason, long n) => new(reason, n);

    [Fact]
    public void Draws_input_kept_and_removed_segments()
    {
        var funnel = new Funnel("Pipeline", 1000)
            .Add("length", 900, [R("too_short", 70), R("too_long", 30)])
            .Add("language", 600, [R("not <en>", 300)])
            .Add("dedup", 500);
        var svg = Svg.Parse(funnel.ToSvg());
        Assert.Equal(4, Svg.ByClass(svg, "kept").Count);
        // too_short, too_long, not <en>, and the dedup removal without a reason.
        Assert.Equal(4, Svg.ByClass(svg, "removed").Count);
        Assert.Equal(["input", "length", "language", "dedup"], Svg.ByClass(svg, "label").Select(e => e.Value));
        var legend = Svg.ByClass(svg, "legend-label").Select(e => e.Nodes().OfType<System.Xml.Linq.XText>().Single().Value).ToList();
        Assert.Equal(["too_short 70", "too_long 30", "not <en> 300", "(no reason given) 100"], legend);
        Assert.Empty(funnel.Inconsistencies());
        Assert.Empty(Svg.ByClass(svg, "warning"));
    }

    [Fact]
    public void Kept_widths_are_proportional()
    {
        var svg = Svg.Parse(new Funnel("f", 1000).Add("a", 250).ToSvg());
        var kept = Svg.ByClass(svg, "kept");
        Assert.Equal(4.0, Svg.Attr(kept[0], "width") / Svg.Attr(kept[1], "width"), 2);
    }

    [Fact]
    public void Inconsistent_counts_are_flagged_not_thrown()
    {
        var funnel = new Funnel("f", 100).Add("grows", 120).Add("over-attributed", 100, [R("x", 50)]);
        Assert.Equal(2, funnel.Inconsistencies().Count);
        var svg = Svg.Parse(funnel.ToSvg());
        Assert.Equal(2, Svg.ByClass(svg, "warning").Count);
    }

    [Fact]
    public void Empty_funnels_render()
    {
        var svg = Svg.Parse(new Funnel("nothing", 0).ToSvg());
        Assert.Single(Svg.ByClass(svg, "kept"));
        Svg.Parse(new Funnel("zero", 0).Add("a", 0).ToSvg());
    }
}
