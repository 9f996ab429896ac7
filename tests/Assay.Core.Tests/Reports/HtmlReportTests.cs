using System.Xml.Linq;
using Assay.Core.Reports;

namespace Assay.Core.Tests.Reports;

public sealed class HtmlReportTests
{
    private const string Evil = "<img src=x onerror=alert(1)> & \"quoted\" 'single'";

    internal static HtmlReport Build()
    {
        var report = new HtmlReport("Report " + Evil) { Subtitle = "sub " + Evil };
        report.AddMeta("command", "assay filter " + Evil)
            .AddMeta("time", new DateTimeOffset(2026, 11, 22, 14, 0, 0, TimeSpan.FromHours(2)));
        report.AddSection("Summary " + Evil)
            .AddParagraph("para " + Evil)
            .AddKeyValues(("records", 1234L), ("key " + Evil, Evil))
            .AddWarning("warn " + Evil);
        report.AddSection("Charts")
            .AddChart(Histogram.Of("hist " + Evil, [1, 2, 2, 3, 3, 3]))
            .AddTable(new Table("col " + Evil).AddRow(Evil))
            .AddExamples("examples " + Evil, [new ReportExample("id " + Evil, new string('x', 1000) + Evil)], total: 40, maxChars: 100);
        return report;
    }

    private static XDocument Parse(string html) =>
        XDocument.Parse(html, LoadOptions.None);

    [Fact]
    public void Report_is_well_formed_and_has_its_sections()
    {
        var doc = Parse(Build().Render());
        var sections = doc.Descendants("section").ToList();
        Assert.Equal(2, sections.Count);
        Assert.Equal("Summary " + Evil, sections[0].Element("h2")!.Value);
        Assert.Equal(["section-1", "section-2"], sections.Select(s => (string)s.Attribute("id")!));
        Assert.Equal(2, doc.Descendants("nav").Single().Descendants("a").Count());
        Assert.Single(doc.Descendants(Svg.Ns + "svg"));
        Assert.Single(doc.Descendants("details"));
        Assert.Equal("2026-11-22 12:00:00 UTC", doc.Descendants("dd").ElementAt(1).Value);
    }

    [Fact]
    public void User_text_never_appears_unescaped()
    {
        string html = Build().Render();
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"quoted\"", html, StringComparison.Ordinal);
        var doc = Parse(html);
        // No element other than the ones the builder writes.
        var allowed = new HashSet<string>
        {
            "html", "head", "meta", "title", "style", "body", "header", "h1", "p", "dl", "div", "dt", "dd", "nav", "ol", "li",
            "a", "main", "section", "h2", "figure", "table", "caption", "thead", "tbody", "tr", "th", "td", "details",
            "summary", "span", "pre", "footer",
        };
        Assert.All(doc.Descendants().Where(e => e.Name.Namespace == XNamespace.None), e => Assert.Contains(e.Name.LocalName, allowed));
        Assert.DoesNotContain(doc.Descendants(), e => e.Name.LocalName == "script");
    }

    [Fact]
    public void Examples_are_truncated_and_counted()
    {
        var doc = Parse(Build().Render());
        var details = doc.Descendants("details").Single();
        Assert.Contains("1 of 40", details.Element("summary")!.Value, StringComparison.Ordinal);
        string pre = details.Descendants("pre").Single().Value;
        Assert.StartsWith(new string('x', 100) + "…", pre, StringComparison.Ordinal);
        Assert.True(pre.Length < 150);
    }

    [Fact]
    public void Rendering_is_deterministic()
    {
        Assert.Equal(Build().Render(), Build().Render());
    }

    [Fact]
    public void Save_writes_atomically_and_leaves_no_temporary_files()
    {
        string dir = Path.Combine(Path.GetTempPath(), "assay-report-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            string path = Path.Combine(dir, "nested", "report.html");
            var report = Build();
            report.Save(path);
            report.Save(path);
            Assert.Equal(report.Render(), File.ReadAllText(path));
            Assert.Equal(["report.html"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
            byte[] bytes = File.ReadAllBytes(path);
            Assert.NotEqual(0xEF, bytes[0]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Empty_report_renders()
    {
        var doc = Parse(new HtmlReport("empty").Render());
        Assert.Equal("empty", doc.Descendants("h1").Single().Value);
        Assert.Empty(doc.Descendants("section"));
    }
}
