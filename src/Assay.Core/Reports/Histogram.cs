using System.Globalization;

namespace Assay.Core.Reports;

/// <summary>
/// Histogram of binned counts. Build the bins with <see cref="HistogramData.FromValues"/>
/// (automatic width) or <see cref="HistogramData.FromCounts"/> (pre-binned), or use <see cref="Of"/>.
/// </summary>
public sealed class Histogram : Chart
{
    public Histogram(string title, HistogramData data) : base(title)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
    }

    public HistogramData Data { get; }

    public string? XLabel { get; init; }

    public string YLabel { get; init; } = "count";

    /// <summary>Log-scale count axis, for long-tailed distributions; empty bins are then not drawn.</summary>
    public bool LogY { get; init; }

    /// <summary>Vertical reference lines (thresholds, means).</summary>
    public IReadOnlyList<ChartMarker> Markers { get; init; } = [];

    /// <summary>Histogram of raw <paramref name="values"/> with automatic bins.</summary>
    public static Histogram Of(string title, IEnumerable<double> values, BinRule rule = BinRule.FreedmanDiaconis) =>
        new(title, HistogramData.FromValues(values, rule));

    private protected override void Render(SvgBuilder svg)
    {
        double width = Width;
        double height = Height ?? (Data.Bins.Count == 0 ? PlotFrame.EmptyHeight : 320);
        string subtitle = Subtitle ?? DefaultSubtitle();
        svg.Open(width, height, Title, subtitle);
        PlotFrame.DrawTitle(svg, Title, subtitle, width);
        var bins = Data.Bins;
        if (bins.Count == 0)
        {
            PlotFrame.DrawNoData(svg, width, height);
            svg.Close();
            return;
        }

        long maxCount = 0;
        foreach (var b in bins)
            maxCount = Math.Max(maxCount, b.Count);
        var yAxis = LogY && maxCount >= 1
            ? ValueAxis.Log(1, Math.Max(maxCount, 10))
            : ValueAxis.Linear(0, Math.Max(maxCount, 1), includeZero: true, maxTicks: 6);
        double lo = bins[0].Low;
        double hi = bins[^1].High;
        foreach (var m in Markers)
        {
            if (double.IsFinite(m.Value))
            {
                lo = Math.Min(lo, m.Value);
                hi = Math.Max(hi, m.Value);
            }
        }
        var xAxis = ValueAxis.Linear(lo, hi, includeZero: false, maxTicks: 9);
        var frame = new PlotFrame(width, height, subtitle, XLabel, YLabel, yAxis.Labels);
        frame.DrawYAxis(svg, yAxis, YLabel);

        svg.OpenGroup("bars");
        foreach (var b in bins)
        {
            double x0 = frame.X(xAxis, b.Low);
            double x1 = frame.X(xAxis, b.High);
            double gap = x1 - x0 > 4 ? 1 : 0;
            double top = b.Count > 0 ? frame.Y(yAxis, b.Count) : frame.Bottom;
            svg.Rect(x0 + gap / 2, top, x1 - x0 - gap, frame.Bottom - top, Palette.Primary, "bar",
                tooltip: BinTooltip(b));
        }
        svg.CloseGroup();
        frame.DrawXAxis(svg, xAxis, XLabel);
        DrawMarkers(svg, frame, xAxis);
        svg.Close();
    }

    private void DrawMarkers(SvgBuilder svg, PlotFrame frame, ValueAxis xAxis)
    {
        for (int i = 0; i < Markers.Count; i++)
        {
            var m = Markers[i];
            if (!double.IsFinite(m.Value))
                continue;
            double x = frame.X(xAxis, m.Value);
            svg.Line(x, frame.Top, x, frame.Bottom, Palette.Get(2), 1.5, dash: "5 3");
            bool right = x < frame.Left + frame.PlotWidth * 0.7;
            svg.Text(right ? x + 4 : x - 4, frame.Top + 12 + 14 * (i % 3), m.Label, anchor: right ? "start" : "end",
                size: 11, fill: Palette.Get(2), cssClass: "marker", halo: true);
        }
    }

    private string DefaultSubtitle()
    {
        var parts = new List<string> { "n = " + NumberFormat.Count(Data.Count) };
        if (Data.Rule is not null && !Data.FixedEdges)
            parts.Add(Data.Bins.Count == 1 ? Data.Rule : Data.Rule + " bins");
        if (Data.Skipped > 0)
            parts.Add(NumberFormat.Count(Data.Skipped) + (Data.FixedEdges ? " values outside the bins" : " non-finite values skipped"));
        if (LogY)
            parts.Add("log scale");
        return string.Join(" · ", parts);
    }

    private static string BinTooltip(HistogramBin b) =>
        string.Create(CultureInfo.InvariantCulture, $"[{NumberFormat.Plain(b.Low)}, {NumberFormat.Plain(b.High)}): {NumberFormat.Count(b.Count)}");
}
