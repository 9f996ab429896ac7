using System.Globalization;

namespace Assay.Core.Reports;

/// <summary>
/// One or more named series of (x, y): loss and accuracy curves, threshold/recall curves.
/// Non-finite points (and non-positive ones on a log axis) break the line instead of failing.
/// </summary>
public sealed class LineChart : Chart
{
    private const int MaxPointsWithMarkers = 40;

    private readonly List<LineSeries> _series = [];

    public LineChart(string title) : base(title)
    {
    }

    public IReadOnlyList<LineSeries> Series => _series;

    public string? XLabel { get; init; }

    public string? YLabel { get; init; }

    public bool LogX { get; init; }

    public bool LogY { get; init; }

    /// <summary>Draw a dot per point; by default only when every series has at most 40 points.</summary>
    public bool? ShowPoints { get; init; }

    /// <summary>Vertical reference lines (chosen threshold, best epoch).</summary>
    public IReadOnlyList<ChartMarker> Markers { get; init; } = [];

    /// <summary>Adds a series; returns this chart for chaining.</summary>
    public LineChart Add(string name, IEnumerable<(double X, double Y)> points)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(points);
        _series.Add(new LineSeries(name, [.. points]));
        return this;
    }

    /// <summary>Adds a series whose x is the index (0, 1, 2, …), e.g. loss per step.</summary>
    public LineChart Add(string name, IEnumerable<double> ys) => Add(name, ys.Select((y, i) => ((double)i, y)));

    private protected override void Render(SvgBuilder svg)
    {
        var legendLines = LayoutLegend();
        bool anyX = ValueAxis.TryRange(AllPoints().Where(Drawable).Select(p => p.X), LogX, out double xMin, out double xMax);
        ValueAxis.TryRange(AllPoints().Where(Drawable).Select(p => p.Y), LogY, out double yMin, out double yMax);
        double height = Height ?? (anyX ? 340 : PlotFrame.EmptyHeight);
        svg.Open(Width, height, Title, Subtitle);
        PlotFrame.DrawTitle(svg, Title, Subtitle, Width);
        if (!anyX)
        {
            PlotFrame.DrawNoData(svg, Width, height);
            svg.Close();
            return;
        }
        foreach (var m in Markers)
        {
            if (double.IsFinite(m.Value) && (!LogX || m.Value > 0))
            {
                xMin = Math.Min(xMin, m.Value);
                xMax = Math.Max(xMax, m.Value);
            }
        }
        var xAxis = LogX ? ValueAxis.Log(xMin, xMax) : ValueAxis.Linear(xMin, xMax, includeZero: false, maxTicks: 9);
        var yAxis = LogY ? ValueAxis.Log(yMin, yMax, 6) : ValueAxis.Linear(yMin, yMax, includeZero: false, maxTicks: 6);
        var frame = new PlotFrame(Width, height, Subtitle, XLabel, YLabel, yAxis.Labels, extraTop: legendLines.Count * 18 + (legendLines.Count > 0 ? 8 : 0));
        frame.DrawYAxis(svg, yAxis, YLabel);
        frame.DrawXAxis(svg, xAxis, XLabel);
        DrawLegend(svg, legendLines, frame.Top - legendLines.Count * 18 - 12);

        bool dots = ShowPoints ?? _series.All(s => s.Points.Count <= MaxPointsWithMarkers);
        for (int s = 0; s < _series.Count; s++)
        {
            var series = _series[s];
            string color = Palette.Get(s);
            svg.OpenGroup("series");
            var segment = new List<(double X, double Y)>();
            foreach (var p in series.Points)
            {
                if (!Drawable(p))
                {
                    svg.Polyline(Decimate(segment), color, 2, "line");
                    segment.Clear();
                    continue;
                }
                segment.Add((frame.X(xAxis, p.X), frame.Y(yAxis, p.Y)));
            }
            svg.Polyline(Decimate(segment), color, 2, "line");
            if (dots)
            {
                foreach (var p in series.Points.Where(Drawable))
                {
                    svg.Circle(frame.X(xAxis, p.X), frame.Y(yAxis, p.Y), 3, color, "point",
                        tooltip: string.Create(CultureInfo.InvariantCulture, $"{series.Name}: ({NumberFormat.Plain(p.X)}, {NumberFormat.Plain(p.Y)})"));
                }
            }
            svg.CloseGroup();
        }
        DrawMarkers(svg, frame, xAxis);
        svg.Close();
    }

    /// <summary>
    /// Long curves (100k training steps) would make megabyte SVGs with many points per pixel.
    /// Per pixel column keep the first, lowest, highest and last point, in their original
    /// order: the drawn envelope is unchanged, the size is bounded by the plot width.
    /// </summary>
    internal static List<(double X, double Y)> Decimate(List<(double X, double Y)> points)
    {
        if (points.Count <= 2000)
            return points;
        var result = new List<(double X, double Y)>();
        int start = 0;
        while (start < points.Count)
        {
            long column = (long)Math.Floor(points[start].X);
            int end = start;
            int lo = start, hi = start;
            while (end + 1 < points.Count && (long)Math.Floor(points[end + 1].X) == column)
            {
                end++;
                if (points[end].Y < points[lo].Y)
                    lo = end;
                if (points[end].Y > points[hi].Y)
                    hi = end;
            }
            foreach (int i in new SortedSet<int> { start, lo, hi, end })
                result.Add(points[i]);
            start = end + 1;
        }
        return result;
    }

    private IEnumerable<(double X, double Y)> AllPoints() => _series.SelectMany(s => s.Points);

    private bool Drawable((double X, double Y) p) =>
        double.IsFinite(p.X) && double.IsFinite(p.Y) && (!LogX || p.X > 0) && (!LogY || p.Y > 0);

    /// <summary>Greedy left-to-right packing of legend entries into lines that fit the width.</summary>
    private List<List<int>> LayoutLegend()
    {
        var lines = new List<List<int>>();
        if (_series.Count < 2 && (_series.Count == 0 || string.IsNullOrEmpty(_series[0].Name)))
            return lines;
        double x = 0;
        double available = Width - 24;
        foreach (int i in Enumerable.Range(0, _series.Count))
        {
            double w = LegendEntryWidth(i);
            if (lines.Count == 0 || x + w > available)
            {
                lines.Add([]);
                x = 0;
            }
            lines[^1].Add(i);
            x += w;
        }
        return lines;
    }

    private double LegendEntryWidth(int i) => 18 + SvgBuilder.TextWidth(Markup.Ellipsize(_series[i].Name, 40), 11) + 16;

    private void DrawLegend(SvgBuilder svg, List<List<int>> lines, double top)
    {
        if (lines.Count == 0)
            return;
        svg.OpenGroup("legend");
        for (int l = 0; l < lines.Count; l++)
        {
            double x = 12;
            double y = top + l * 18 + 9;
            foreach (int i in lines[l])
            {
                svg.Rect(x, y - 5, 12, 10, Palette.Get(i), "swatch");
                svg.Text(x + 17, y, Markup.Ellipsize(_series[i].Name, 40), size: 11, baseline: "middle", cssClass: "legend-label");
                x += LegendEntryWidth(i);
            }
        }
        svg.CloseGroup();
    }

    private void DrawMarkers(SvgBuilder svg, PlotFrame frame, ValueAxis xAxis)
    {
        for (int i = 0; i < Markers.Count; i++)
        {
            var m = Markers[i];
            if (!xAxis.CanShow(m.Value))
                continue;
            double x = frame.X(xAxis, m.Value);
            svg.Line(x, frame.Top, x, frame.Bottom, Palette.MutedText, 1, dash: "4 3");
            bool right = x < frame.Left + frame.PlotWidth * 0.7;
            svg.Text(right ? x + 4 : x - 4, frame.Top + 12 + 14 * (i % 3), m.Label, anchor: right ? "start" : "end",
                size: 11, fill: Palette.MutedText, cssClass: "marker", halo: true);
        }
    }
}
