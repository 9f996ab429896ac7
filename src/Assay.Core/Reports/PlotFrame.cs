namespace Assay.Core.Reports;

/// <summary>
/// Shared layout for charts with axes: title on top, y tick labels on the left, x tick labels
/// and axis titles at the bottom, and a plot rectangle in between.
/// </summary>
internal sealed class PlotFrame
{
    /// <summary>Height used for a chart with nothing to draw, so empty charts do not take a full panel.</summary>
    public const int EmptyHeight = 110;

    private const double TitleHeight = 30;
    private const double SubtitleHeight = 18;
    private const double TickLabelSize = 11;

    public PlotFrame(double width, double height, string? subtitle, string? xLabel, string? yLabel,
        IReadOnlyList<string> yTickLabels, double extraTop = 0, double extraBottom = 0)
        : this(width, height, subtitle, xLabel, yLabel, yTickLabels.Select(l => SvgBuilder.TextWidth(l, TickLabelSize)).DefaultIfEmpty(0).Max(), extraTop, extraBottom)
    {
    }

    /// <summary>Layout with an explicit width for whatever sits left of the plot (category labels).</summary>
    public PlotFrame(double width, double height, string? subtitle, string? xLabel, string? yLabel,
        double maxLabel, double extraTop = 0, double extraBottom = 0)
    {
        Width = width;
        Height = height;
        Left = 12 + (string.IsNullOrEmpty(yLabel) ? 0 : 20) + maxLabel + 8;
        Top = TitleHeight + (string.IsNullOrEmpty(subtitle) ? 0 : SubtitleHeight) + extraTop + 8;
        Right = width - 20;
        Bottom = height - 26 - (string.IsNullOrEmpty(xLabel) ? 0 : 20) - extraBottom;
    }

    public double Width { get; }
    public double Height { get; }
    public double Left { get; }
    public double Top { get; }
    public double Right { get; }
    public double Bottom { get; }
    public double PlotWidth => Right - Left;
    public double PlotHeight => Bottom - Top;

    public double X(ValueAxis axis, double v) => Left + axis.Fraction(v) * PlotWidth;

    public double Y(ValueAxis axis, double v) => Bottom - axis.Fraction(v) * PlotHeight;

    /// <summary>Title and subtitle, shortened to the chart width (the full title stays in the SVG's &lt;title&gt;).</summary>
    public static void DrawTitle(SvgBuilder svg, string title, string? subtitle, double width)
    {
        string shown = Markup.Ellipsize(title, (int)((width - 24) / (15 * 0.6)));
        svg.Text(12, 20, shown, size: 15, bold: true, cssClass: "chart-title", tooltip: shown.Length < title.Length ? title : null);
        if (!string.IsNullOrEmpty(subtitle))
            svg.Text(12, 38, Markup.Ellipsize(subtitle, (int)((width - 24) / (11.5 * 0.58))), size: 11.5, fill: Palette.MutedText);
    }

    /// <summary>Horizontal grid lines with labels on the left; the y title is rotated along the axis.</summary>
    public void DrawYAxis(SvgBuilder svg, ValueAxis axis, string? label)
    {
        svg.OpenGroup("y-axis");
        var ticks = axis.Ticks.Values;
        for (int i = 0; i < ticks.Count; i++)
        {
            double y = Y(axis, ticks[i]);
            svg.Line(Left, y, Right, y, Palette.Grid);
            svg.Text(Left - 6, y, axis.Labels[i], anchor: "end", size: TickLabelSize, fill: Palette.MutedText,
                baseline: "middle", cssClass: "tick");
        }
        if (!string.IsNullOrEmpty(label))
        {
            double cy = (Top + Bottom) / 2;
            svg.Text(16, cy, label, anchor: "middle", size: 12, fill: Palette.MutedText, rotate: -90, baseline: "middle");
        }
        svg.CloseGroup();
    }

    /// <summary>Baseline, tick marks and labels below the plot, and the x title under them.</summary>
    public void DrawXAxis(SvgBuilder svg, ValueAxis axis, string? label, bool grid = false)
    {
        svg.OpenGroup("x-axis");
        var ticks = axis.Ticks.Values;
        for (int i = 0; i < ticks.Count; i++)
        {
            double x = X(axis, ticks[i]);
            if (grid)
                svg.Line(x, Top, x, Bottom, Palette.Grid);
            svg.Line(x, Bottom, x, Bottom + 4, Palette.Axis);
            svg.Text(x, Bottom + 16, axis.Labels[i], anchor: "middle", size: TickLabelSize, fill: Palette.MutedText, cssClass: "tick");
        }
        svg.Line(Left, Bottom, Right, Bottom, Palette.Axis);
        if (!string.IsNullOrEmpty(label))
            svg.Text((Left + Right) / 2, Bottom + 36, label, anchor: "middle", size: 12, fill: Palette.MutedText);
        svg.CloseGroup();
    }

    /// <summary>Centered note for charts with nothing to draw, so empty input still yields a valid, labelled image.</summary>
    public static void DrawNoData(SvgBuilder svg, double width, double height, string message = "No data")
    {
        svg.Text(width / 2, Math.Max(height / 2 + 10, 70), message, anchor: "middle", size: 13, fill: Palette.MutedText, cssClass: "no-data");
    }
}
