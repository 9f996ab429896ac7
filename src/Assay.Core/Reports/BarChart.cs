using System.Globalization;

namespace Assay.Core.Reports;

/// <summary>Categories → values (removal reasons, languages, sources). Negative values grow left/down from zero.</summary>
public sealed class BarChart : Chart
{
    private const double RowHeight = 24;
    private const double BarThickness = 17;

    public BarChart(string title, IEnumerable<KeyValuePair<string, double>> items) : base(title)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = [.. items];
    }

    public IReadOnlyList<KeyValuePair<string, double>> Items { get; }

    public BarOrientation Orientation { get; init; }

    public BarSort Sort { get; init; }

    /// <summary>Show only the first N bars after sorting; the subtitle says how many were left out.</summary>
    public int? Limit { get; init; }

    /// <summary>Title of the value axis.</summary>
    public string? ValueLabel { get; init; }

    /// <summary>Print each bar's value at its end.</summary>
    public bool ShowValues { get; init; } = true;

    /// <summary>Convenience for integer counts, e.g. a dictionary of reason → removed records.</summary>
    public static BarChart FromCounts(string title, IEnumerable<KeyValuePair<string, long>> counts, BarSort sort = BarSort.Descending) =>
        new(title, counts.Select(kv => new KeyValuePair<string, double>(kv.Key, kv.Value))) { Sort = sort };

    /// <summary>The bars drawn, after sorting, dropping non-finite values and applying <see cref="Limit"/>.</summary>
    internal List<KeyValuePair<string, double>> Visible()
    {
        var items = Items.Where(kv => double.IsFinite(kv.Value)).ToList();
        // OrderBy is stable, so ties keep the caller's order and output stays deterministic.
        items = Sort switch
        {
            BarSort.Descending => [.. items.OrderByDescending(kv => kv.Value)],
            BarSort.Ascending => [.. items.OrderBy(kv => kv.Value)],
            BarSort.Label => [.. items.OrderBy(kv => kv.Key, StringComparer.Ordinal)],
            _ => items,
        };
        if (Limit is int limit && limit >= 0 && items.Count > limit)
            items.RemoveRange(limit, items.Count - limit);
        return items;
    }

    private protected override void Render(SvgBuilder svg)
    {
        var items = Visible();
        string? subtitle = Subtitle;
        int dropped = Items.Count - items.Count;
        if (dropped > 0)
        {
            string note = string.Create(CultureInfo.InvariantCulture, $"showing {items.Count} of {Items.Count}");
            subtitle = subtitle is null ? note : subtitle + " · " + note;
        }
        bool horizontal = Orientation switch
        {
            BarOrientation.Horizontal => true,
            BarOrientation.Vertical => false,
            _ => items.Count > 12 || items.Any(kv => SvgBuilder.TextWidth(kv.Key, 11) > (Width - 80.0) / Math.Max(items.Count, 1) - 6),
        };
        double height = Height ?? (items.Count == 0 ? PlotFrame.EmptyHeight : horizontal ? 78 + (subtitle is null ? 0 : 18) + (ValueLabel is null ? 0 : 20) + Math.Max(items.Count, 1) * RowHeight : 320);
        svg.Open(Width, height, Title, subtitle);
        PlotFrame.DrawTitle(svg, Title, subtitle, Width);
        if (items.Count == 0)
        {
            PlotFrame.DrawNoData(svg, Width, height);
            svg.Close();
            return;
        }
        double min = items.Min(kv => kv.Value);
        double max = items.Max(kv => kv.Value);
        if (horizontal)
            RenderHorizontal(svg, items, subtitle, height, min, max);
        else
            RenderVertical(svg, items, subtitle, height, min, max);
        svg.Close();
    }

    private void RenderHorizontal(SvgBuilder svg, List<KeyValuePair<string, double>> items, string? subtitle, double height, double min, double max)
    {
        var axis = ValueAxis.Linear(min, max, includeZero: true, maxTicks: 7);
        int maxChars = (int)(Width * 0.35 / (11 * 0.58));
        double labelWidth = items.Max(kv => SvgBuilder.TextWidth(Markup.Ellipsize(kv.Key, maxChars), 11));
        // Reuse the frame for the value axis; the category labels take the place of y ticks.
        var frame = new PlotFrame(Width, height, subtitle, ValueLabel, null, labelWidth);
        frame.DrawXAxis(svg, axis, ValueLabel, grid: true);
        double band = frame.PlotHeight / items.Count;
        double thickness = Math.Min(BarThickness, band * 0.8);
        double zero = frame.X(axis, 0);
        svg.OpenGroup("bars");
        for (int i = 0; i < items.Count; i++)
        {
            var (label, value) = (items[i].Key, items[i].Value);
            double cy = frame.Top + band * (i + 0.5);
            double x = frame.X(axis, value);
            double x0 = Math.Min(zero, x);
            svg.Rect(x0, cy - thickness / 2, Math.Abs(x - zero), thickness, Palette.Primary, "bar", tooltip: Tooltip(label, value));
            string shown = Markup.Ellipsize(label, maxChars);
            svg.Text(frame.Left - 6, cy, shown, anchor: "end", size: 11, baseline: "middle", cssClass: "label",
                tooltip: shown.Length < label.Length ? label : null);
            if (ShowValues)
            {
                bool inside = value >= 0 ? x > frame.Right - 50 : x < frame.Left + 50;
                double tx = value >= 0 ? (inside ? x - 4 : x + 4) : (inside ? x + 4 : x - 4);
                string anchor = (value >= 0) ^ inside ? "start" : "end";
                svg.Text(tx, cy, NumberFormat.Compact(value), anchor: anchor, size: 11, baseline: "middle",
                    fill: inside ? "#ffffff" : Palette.MutedText, cssClass: "value");
            }
        }
        svg.CloseGroup();
        svg.Line(zero, frame.Top, zero, frame.Bottom, Palette.Axis);
    }

    private void RenderVertical(SvgBuilder svg, List<KeyValuePair<string, double>> items, string? subtitle, double height, double min, double max)
    {
        var axis = ValueAxis.Linear(min, max, includeZero: true, maxTicks: 6);
        var frame = new PlotFrame(Width, height, subtitle, null, ValueLabel, axis.Labels, extraTop: ShowValues ? 8 : 0);
        frame.DrawYAxis(svg, axis, ValueLabel);
        double band = frame.PlotWidth / items.Count;
        double thickness = Math.Min(band * 0.7, 64);
        int maxChars = Math.Max(3, (int)(band / (11 * 0.58)));
        double zero = frame.Y(axis, 0);
        svg.OpenGroup("bars");
        for (int i = 0; i < items.Count; i++)
        {
            var (label, value) = (items[i].Key, items[i].Value);
            double cx = frame.Left + band * (i + 0.5);
            double y = frame.Y(axis, value);
            svg.Rect(cx - thickness / 2, Math.Min(y, zero), thickness, Math.Abs(zero - y), Palette.Primary, "bar", tooltip: Tooltip(label, value));
            string shown = Markup.Ellipsize(label, maxChars);
            svg.Text(cx, frame.Bottom + 16, shown, anchor: "middle", size: 11, cssClass: "label",
                tooltip: shown.Length < label.Length ? label : null);
            if (ShowValues)
                svg.Text(cx, value >= 0 ? y - 5 : y + 14, NumberFormat.Compact(value), anchor: "middle", size: 11,
                    fill: Palette.MutedText, cssClass: "value");
        }
        svg.CloseGroup();
        svg.Line(frame.Left, zero, frame.Right, zero, Palette.Axis);
    }

    private static string Tooltip(string label, double value) => label + ": " + NumberFormat.Plain(value);
}
