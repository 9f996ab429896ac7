using Assay.Core.Reports;

namespace Assay.Core.Tests.Reports;

public sealed class DeterminismTests
{
    public static TheoryData<string> ChartNames => ["histogram", "bars", "lines", "funnel"];

    private static Chart Make(string name)
    {
        var rng = new Random(42);
        return name switch
        {
            "histogram" => Histogram.Of("h", Enumerable.Range(0, 2000).Select(_ => rng.NextDouble() * rng.NextDouble() * 100)),
            "bars" => new BarChart("b", Enumerable.Range(0, 15).Select(i => new KeyValuePair<string, double>("cat" + i, rng.Next(1000)))),
            "lines" => new LineChart("l").Add("a", Enumerable.Range(0, 100).Select(_ => rng.NextDouble())).Add("b", [0.1, 0.2]),
            _ => new Funnel("f", 1000).Add("s", 800, [new("r", 200)]),
        };
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void Same_input_gives_same_bytes(string name)
    {
        string a = Make(name).ToSvg();
        string b = Make(name).ToSvg();
        Assert.Equal(a, b);
        var chart = Make(name);
        Assert.Equal(chart.ToSvg(), chart.ToSvg());
        Svg.Parse(a);
    }

    [Fact]
    public void Extreme_magnitudes_do_not_throw()
    {
        double[] extremes = [double.MaxValue, -double.MaxValue, double.Epsilon, -double.Epsilon, 0, 1e-310, 1e308];
        var hist = Histogram.Of("h", extremes);
        Assert.Equal(3, hist.Data.Skipped);
        Svg.Parse(hist.ToSvg());
        Svg.Parse(new BarChart("b", extremes.Select((v, i) => new KeyValuePair<string, double>("k" + i, v))).ToSvg());
        Svg.Parse(new LineChart("l") { LogY = true }.Add("s", extremes).ToSvg());
        Svg.Parse(new LineChart("l").Add("s", extremes.Select(v => (v, v))).ToSvg());
        Svg.Parse(new Funnel("f", long.MaxValue).Add("a", long.MaxValue / 2, [new("r", long.MaxValue / 2)]).ToSvg());
    }

    [Fact]
    public void Svg_file_is_standalone_xml()
    {
        string path = Path.Combine(Path.GetTempPath(), "assay-chart-" + Guid.NewGuid().ToString("N") + ".svg");
        try
        {
            Make("histogram").SaveSvg(path);
            var doc = System.Xml.Linq.XDocument.Load(path);
            Assert.Equal(Svg.Ns + "svg", doc.Root!.Name);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
