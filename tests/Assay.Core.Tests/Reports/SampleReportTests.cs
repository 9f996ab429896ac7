using System.Xml.Linq;
using Assay.Core.Reports;

namespace Assay.Core.Tests.Reports;

/// <summary>
/// Builds a realistic report with every block type and leaves it in the temp folder
/// (assay-sample-report/report.html, or $ASSAY_SAMPLE_REPORT_DIR) for a person to open.
/// </summary>
public sealed class SampleReportTests
{
    private static string Dir => Environment.GetEnvironmentVariable("ASSAY_SAMPLE_REPORT_DIR") is { Length: > 0 } d
        ? d
        : Path.Combine(Path.GetTempPath(), "assay-sample-report");

    [Fact]
    public void Sample_report_contains_every_block_and_parses()
    {
        string dir = Dir;
        var report = SampleReport.Build();
        string path = Path.Combine(dir, "report.html");
        report.Save(path);
        StatsJson.Write(Path.Combine(dir, "stats.json"), SampleReport.Stats());

        var doc = XDocument.Load(path);
        Assert.Equal(5, doc.Descendants("section").Count());
        Assert.Equal(7, doc.Descendants(Svg.Ns + "svg").Count());
        Assert.Equal(3, doc.Descendants("details").Count());
        Assert.Single(doc.Descendants("table"));
        Assert.Equal(SampleReport.Build().Render(), File.ReadAllText(path));
    }

    [Fact]
    public void Edge_case_report_renders_degenerate_charts()
    {
        string path = Path.Combine(Dir, "edge-cases.html");
        var report = SampleReport.EdgeCases();
        report.Save(path);
        var doc = XDocument.Load(path);
        var svgs = doc.Descendants(Svg.Ns + "svg").ToList();
        Assert.Equal(9, svgs.Count);
        Assert.Equal(3, svgs.Count(s => Svg.ByClass(s, "no-data").Count == 1));
        Assert.Equal(2, svgs.Sum(s => Svg.ByClass(s, "warning").Count));
    }
}
