using System.Text;

namespace Assay.Core.Reports;

/// <summary>
/// Base of every chart: a title, a size, and deterministic SVG output. Charts only draw;
/// they keep the data they were given and compute layout when rendered.
/// </summary>
public abstract class Chart
{
    private protected Chart(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        Title = title;
    }

    /// <summary>Shown above the chart and used as the accessible &lt;title&gt;.</summary>
    public string Title { get; }

    /// <summary>Optional second line under the title (units, sample size, notes).</summary>
    public string? Subtitle { get; init; }

    /// <summary>Width in pixels (the SVG scales down on narrow screens).</summary>
    public int Width { get; init; } = 720;

    /// <summary>Height in pixels; null lets the chart pick one (e.g. from the number of bars).</summary>
    public int? Height { get; init; }

    /// <summary>The chart as a standalone &lt;svg&gt; element.</summary>
    public string ToSvg()
    {
        var sb = new StringBuilder(4096);
        WriteSvg(sb);
        return sb.ToString();
    }

    /// <summary>Appends the &lt;svg&gt; element to <paramref name="sb"/>.</summary>
    public void WriteSvg(StringBuilder sb)
    {
        ArgumentNullException.ThrowIfNull(sb);
        Render(new SvgBuilder(sb));
    }

    /// <summary>Writes the chart as a standalone .svg file (atomically).</summary>
    public void SaveSvg(string path) =>
        AtomicFile.WriteAllText(path, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + ToSvg() + "\n");

    private protected abstract void Render(SvgBuilder svg);
}
