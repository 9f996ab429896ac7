using Assay.Core.Reports;
using FsCheck;
using FsCheck.Fluent;

namespace Assay.Core.Tests.Reports;

public sealed class HistogramTests
{
    [Fact]
    public void Bins_cover_all_values_with_round_edges()
    {
        var rng = new Random(7);
        var values = Enumerable.Range(0, 5000).Select(_ => rng.NextDouble() * 37.3 + 2).ToList();
        var data = HistogramData.FromValues(values);
        Assert.Equal(5000, data.Count);
        Assert.Equal(5000, data.Bins.Sum(b => b.Count));
        Assert.Equal("Freedman–Diaconis", data.Rule);
        Assert.True(data.Bins[0].Low <= values.Min() && data.Bins[^1].High >= values.Max());
        double width = data.Bins[0].High - data.Bins[0].Low;
        Assert.All(data.Bins, b => Assert.Equal(width, b.High - b.Low, 9));
        // Edges sit on multiples of a 1-2-5 width.
        Assert.All(data.Bins, b => Assert.Equal(Math.Round(b.Low / width), b.Low / width, 6));
    }

    [Fact]
    public void Sturges_uses_log2_n_plus_one_bins_before_rounding()
    {
        var values = Enumerable.Range(0, 1000).Select(i => i / 10.0).ToList();
        var data = HistogramData.FromValues(values, BinRule.Sturges);
        Assert.Equal("Sturges", data.Rule);
        // ceil(log2 1000) + 1 = 11 bins of width 9.08, rounded up to 10 → 10 bins over [0, 100).
        Assert.Equal(10, data.Bins.Count);
    }

    [Fact]
    public void Integer_data_never_gets_fractional_bins()
    {
        var values = Enumerable.Range(0, 300).Select(i => (double)(i % 4)).ToList();
        var data = HistogramData.FromValues(values);
        Assert.All(data.Bins, b => Assert.True(b.High - b.Low >= 1));
        Assert.Equal(300, data.Bins.Sum(b => b.Count));
    }

    [Fact]
    public void Empty_single_and_non_finite_inputs_do_not_throw()
    {
        var empty = HistogramData.FromValues([]);
        Assert.Empty(empty.Bins);
        var single = HistogramData.FromValues([3.5, 3.5, 3.5]);
        var bin = Assert.Single(single.Bins);
        Assert.Equal(3, bin.Count);
        Assert.True(bin.Low < 3.5 && bin.High > 3.5);
        var odd = HistogramData.FromValues([double.NaN, double.PositiveInfinity, 1, 2]);
        Assert.Equal(2, odd.Skipped);
        Assert.Equal(2, odd.Count);

        foreach (var d in new[] { empty, single, odd, HistogramData.FromValues([double.NaN]) })
            Svg.Parse(new Histogram("h", d) { LogY = true }.ToSvg());
        Assert.Single(Svg.ByClass(Svg.Parse(new Histogram("e", empty).ToSvg()), "no-data"));
    }

    [Fact]
    public void Svg_has_one_bar_per_bin_and_escaped_labels()
    {
        var data = HistogramData.FromCounts([0, 1, 2, 5, 10], [3, 0, 7, 1]);
        var h = new Histogram("Scores <&> \"q\"", data)
        {
            XLabel = "x <axis>",
            Markers = [new ChartMarker(4, "threshold & <cut>")],
        };
        var svg = Svg.Parse(h.ToSvg());
        Assert.Equal(4, Svg.ByClass(svg, "bar").Count);
        Assert.Equal("Scores <&> \"q\"", Svg.Title(svg));
        Assert.Contains(svg.Descendants(), e => e.Value == "x <axis>");
        Assert.Equal("threshold & <cut>", Assert.Single(Svg.ByClass(svg, "marker")).Value);
    }

    [Fact]
    public void Bar_heights_are_proportional_to_counts()
    {
        var data = HistogramData.FromCounts([0, 1, 2], [10, 5]);
        var bars = Svg.ByClass(Svg.Parse(new Histogram("h", data).ToSvg()), "bar");
        Assert.Equal(2.0, Svg.Attr(bars[0], "height") / Svg.Attr(bars[1], "height"), 2);
    }

    [Fact]
    public void Small_spread_on_large_values_still_fills_the_plot()
    {
        var h = Histogram.Of("tiny", Enumerable.Range(0, 100).Select(i => 1e9 + i * 1e-3));
        var svg = Svg.Parse(h.ToSvg());
        double total = Svg.ByClass(svg, "bar").Sum(b => Svg.Attr(b, "width"));
        Assert.True(total > 300, $"bars span only {total}px");
        Assert.All(Svg.ByClass(svg, "tick"), t => Assert.DoesNotContain("B", t.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Fixed_edges_count_inside_and_skip_outside()
    {
        var data = HistogramData.FromValues([0, 0.05, 0.5, 0.99, 1, 1.5, -0.1, double.NaN], 0, 1, 10);
        Assert.Equal(10, data.Bins.Count);
        Assert.Equal(0.1, data.Bins[0].High, 12);
        Assert.Equal(2, data.Bins[0].Count);
        Assert.Equal(1, data.Bins[5].Count);
        Assert.Equal(2, data.Bins[9].Count); // 0.99 and the inclusive last edge 1.0
        Assert.Equal(5, data.Count);
        Assert.Equal(3, data.Skipped);
        var svg = Svg.Parse(new Histogram("fixed", data).ToSvg());
        Assert.Equal(10, Svg.ByClass(svg, "bar").Count);
        Assert.Contains(svg.Descendants(), e => e.Value.Contains("3 values outside the bins", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => HistogramData.FromValues([1.0], [0, 0]));
        Assert.Throws<ArgumentException>(() => HistogramData.FromValues([1.0], 1, 1, 3));
    }

    [Fact]
    public void Merge_sums_histograms_with_the_same_edges()
    {
        var a = HistogramData.FromValues([0.1, 0.2, 2], 0, 1, 4);
        var b = HistogramData.FromValues([0.1, 0.9], 0, 1, 4);
        var merged = HistogramData.Merge([a, b]);
        Assert.Equal([3L, 0, 0, 1], merged.Bins.Select(x => x.Count));
        Assert.Equal(4, merged.Count);
        Assert.Equal(1, merged.Skipped);
        Assert.True(merged.FixedEdges);
        Assert.Empty(HistogramData.Merge([]).Bins);
        Assert.Throws<ArgumentException>(() => HistogramData.Merge([a, HistogramData.FromValues([0.5], 0, 2, 4)]));
    }

    [Fact]
    public void Pre_binned_input_is_validated()
    {
        Assert.Throws<ArgumentException>(() => HistogramData.FromCounts([0, 1], [1, 2]));
        Assert.Throws<ArgumentException>(() => HistogramData.FromCounts([0, 0, 1], [1, 2]));
        Assert.Throws<ArgumentException>(() => HistogramData.FromCounts([0, 1], [-1]));
    }

    [Fact]
    public void Any_finite_sample_is_fully_counted_into_at_most_max_bins()
    {
        var gen =
            from scale in Gen.Choose(-6, 6)
            from ints in Gen.ListOf(Gen.Choose(-100_000, 100_000))
            select ints.Select(i => i * Math.Pow(10, scale)).ToList();
        var property = Prop.ForAll(gen.ToArbitrary(), values =>
        {
            var data = HistogramData.FromValues(values, maxBins: 40);
            bool counted = data.Bins.Sum(b => b.Count) == values.Count;
            bool bounded = data.Bins.Count <= 40;
            bool covered = values.Count == 0 || (data.Bins[0].Low <= values.Min() && data.Bins[^1].High >= values.Max());
            return (counted && bounded && covered).Label($"n={values.Count} bins={data.Bins.Count}");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }
}
