using System.Globalization;
using System.Text;

namespace Assay.Core.Reports;

/// <summary>
/// Minimal SVG writer: presentation attributes only (no CSS classes), so each chart is a
/// self-contained image that looks the same inline in a report or saved as a .svg file.
/// Coordinates are rounded to 0.01px to keep output short and deterministic.
/// </summary>
internal sealed class SvgBuilder
{
    internal const string FontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

    private readonly StringBuilder _sb;

    public SvgBuilder(StringBuilder sb) => _sb = sb;

    public StringBuilder Raw => _sb;

    public void Open(double width, double height, string title, string? description = null)
    {
        _sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(N(width))
            .Append("\" height=\"").Append(N(height))
            .Append("\" viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(height))
            .Append("\" role=\"img\" font-family=\"").Append(FontFamily).Append("\" font-size=\"12\">");
        _sb.Append("<title>");
        Markup.Append(_sb, title);
        _sb.Append("</title>");
        if (!string.IsNullOrEmpty(description))
        {
            _sb.Append("<desc>");
            Markup.Append(_sb, description);
            _sb.Append("</desc>");
        }
        _sb.Append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
    }

    public void Close() => _sb.Append("</svg>");

    public void OpenGroup(string? cssClass = null)
    {
        _sb.Append("<g");
        if (cssClass is not null)
            _sb.Append(" class=\"").Append(cssClass).Append('"');
        _sb.Append('>');
    }

    public void CloseGroup() => _sb.Append("</g>");

    /// <summary>A rectangle; <paramref name="tooltip"/> becomes a child &lt;title&gt; shown on hover.</summary>
    public void Rect(double x, double y, double w, double h, string fill, string? cssClass = null, string? tooltip = null, string? stroke = null)
    {
        _sb.Append("<rect");
        if (cssClass is not null)
            _sb.Append(" class=\"").Append(cssClass).Append('"');
        _sb.Append(" x=\"").Append(N(x)).Append("\" y=\"").Append(N(y))
            .Append("\" width=\"").Append(N(Math.Max(0, w))).Append("\" height=\"").Append(N(Math.Max(0, h)))
            .Append("\" fill=\"").Append(fill).Append('"');
        if (stroke is not null)
            _sb.Append(" stroke=\"").Append(stroke).Append("\" stroke-width=\"1\"");
        CloseWithTooltip("rect", tooltip);
    }

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null)
    {
        _sb.Append("<line x1=\"").Append(N(x1)).Append("\" y1=\"").Append(N(y1))
            .Append("\" x2=\"").Append(N(x2)).Append("\" y2=\"").Append(N(y2))
            .Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(N(width)).Append('"');
        if (dash is not null)
            _sb.Append(" stroke-dasharray=\"").Append(dash).Append('"');
        _sb.Append("/>");
    }

    public void Circle(double cx, double cy, double r, string fill, string? cssClass = null, string? tooltip = null)
    {
        _sb.Append("<circle");
        if (cssClass is not null)
            _sb.Append(" class=\"").Append(cssClass).Append('"');
        _sb.Append(" cx=\"").Append(N(cx)).Append("\" cy=\"").Append(N(cy)).Append("\" r=\"").Append(N(r))
            .Append("\" fill=\"").Append(fill).Append('"');
        CloseWithTooltip("circle", tooltip);
    }

    /// <summary>An open polyline through <paramref name="points"/> (already in pixels).</summary>
    public void Polyline(IReadOnlyList<(double X, double Y)> points, string stroke, double width, string? cssClass = null, string? tooltip = null)
    {
        if (points.Count == 0)
            return;
        _sb.Append("<path");
        if (cssClass is not null)
            _sb.Append(" class=\"").Append(cssClass).Append('"');
        _sb.Append(" d=\"");
        for (int i = 0; i < points.Count; i++)
        {
            _sb.Append(i == 0 ? 'M' : 'L').Append(N(points[i].X)).Append(',').Append(N(points[i].Y));
            if (i + 1 < points.Count)
                _sb.Append(' ');
        }
        _sb.Append("\" fill=\"none\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(N(width))
            .Append("\" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
        CloseWithTooltip("path", tooltip);
    }

    /// <summary>Text with optional anchor (start|middle|end), weight, color and rotation about (x, y).</summary>
    public void Text(double x, double y, string text, string anchor = "start", double size = 12, string fill = Palette.Text,
        bool bold = false, double rotate = 0, string? cssClass = null, string baseline = "auto", string? tooltip = null, bool halo = false)
    {
        _sb.Append("<text");
        if (cssClass is not null)
            _sb.Append(" class=\"").Append(cssClass).Append('"');
        _sb.Append(" x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append('"');
        if (anchor != "start")
            _sb.Append(" text-anchor=\"").Append(anchor).Append('"');
        if (baseline != "auto")
            _sb.Append(" dominant-baseline=\"").Append(baseline).Append('"');
        if (size != 12)
            _sb.Append(" font-size=\"").Append(N(size)).Append('"');
        if (fill != Palette.Text)
            _sb.Append(" fill=\"").Append(fill).Append('"');
        if (bold)
            _sb.Append(" font-weight=\"600\"");
        if (halo)
        {
            // A white outline painted under the glyphs keeps labels readable over bars and lines.
            _sb.Append(" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"");
        }
        if (rotate != 0)
            _sb.Append(" transform=\"rotate(").Append(N(rotate)).Append(' ').Append(N(x)).Append(' ').Append(N(y)).Append(")\"");
        _sb.Append('>');
        if (tooltip is not null)
        {
            _sb.Append("<title>");
            Markup.Append(_sb, tooltip);
            _sb.Append("</title>");
        }
        Markup.Append(_sb, text);
        _sb.Append("</text>");
    }

    /// <summary>Two runs of text on one line, the second in a muted color (e.g. "880,000" then "−120,000 (12%)").</summary>
    public void TextWithNote(double x, double y, string text, string note, string noteFill, double size, string? cssClass = null)
    {
        _sb.Append("<text");
        if (cssClass is not null)
            _sb.Append(" class=\"").Append(cssClass).Append('"');
        _sb.Append(" x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" dominant-baseline=\"middle\" font-size=\"")
            .Append(N(size)).Append("\">");
        Markup.Append(_sb, text);
        _sb.Append("<tspan dx=\"8\" fill=\"").Append(noteFill).Append("\">");
        Markup.Append(_sb, note);
        _sb.Append("</tspan></text>");
    }

    /// <summary>Approximate rendered width of <paramref name="text"/>; good enough for layout without font metrics.</summary>
    public static double TextWidth(string text, double size = 12) => text.Length * size * 0.58;

    /// <summary>Formats a coordinate: invariant culture, at most two decimals, never "-0".</summary>
    public static string N(double v)
    {
        if (!double.IsFinite(v))
            return "0";
        double r = Math.Round(v, 2, MidpointRounding.AwayFromZero);
        if (r == 0)
            return "0";
        return r.ToString("0.##", CultureInfo.InvariantCulture);
    }

    private void CloseWithTooltip(string element, string? tooltip)
    {
        if (tooltip is null)
        {
            _sb.Append("/>");
            return;
        }
        _sb.Append("><title>");
        Markup.Append(_sb, tooltip);
        _sb.Append("</title></").Append(element).Append('>');
    }
}
