using System.Globalization;

namespace Assay.Core.Reports;

/// <summary>
/// Pipeline accounting: records in → kept after each step, removals split by reason.
/// Counts that do not add up are drawn anyway and called out in red, because a report is
/// where an accounting bug should become visible, not where it should crash.
/// </summary>
public sealed class Funnel : Chart
{
    private const double RowHeight = 30;
    private const double BarThickness = 18;
    private const string Unattributed = "(no reason given)";

    private readonly List<FunnelStep> _steps = [];

    public Funnel(string title, long input, string inputLabel = "input") : base(title)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(input);
        ArgumentNullException.ThrowIfNull(inputLabel);
        Input = input;
        InputLabel = inputLabel;
    }

    public long Input { get; }

    public string InputLabel { get; }

    public IReadOnlyList<FunnelStep> Steps => _steps;

    /// <summary>Adds the next step; returns this funnel for chaining.</summary>
    public Funnel Add(string name, long kept, IEnumerable<KeyValuePair<string, long>>? removedByReason = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        _steps.Add(new FunnelStep(name, kept, removedByReason is null ? [] : [.. removedByReason]));
        return this;
    }

    /// <summary>Steps whose counts do not add up (kept above input, or reasons not summing to the removed count).</summary>
    public IReadOnlyList<string> Inconsistencies()
    {
        var problems = new List<string>();
        long stepIn = Input;
        foreach (var step in _steps)
        {
            long removed = stepIn - step.Kept;
            long attributed = step.Removed.Sum(kv => kv.Value);
            if (step.Kept < 0 || removed < 0)
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{step.Name}: kept {NumberFormat.Count(step.Kept)} of {NumberFormat.Count(stepIn)} in"));
            else if (attributed > removed || step.Removed.Any(kv => kv.Value < 0))
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{step.Name}: reasons sum to {NumberFormat.Count(attributed)} but {NumberFormat.Count(removed)} were removed"));
            stepIn = step.Kept;
        }
        return problems;
    }

    private protected override void Render(SvgBuilder svg)
    {
        var reasons = ReasonOrder();
        var problems = Inconsistencies();
        double legendRows = Math.Ceiling(reasons.Count / 3.0);
        double top = 38 + (Subtitle is null ? 0 : 18);
        double rowsHeight = (_steps.Count + 1) * RowHeight;
        double height = Height ?? top + rowsHeight + 14 + legendRows * 18 + problems.Count * 16 + 10;
        svg.Open(Width, height, Title, Subtitle);
        PlotFrame.DrawTitle(svg, Title, Subtitle, Width);

        double labelWidth = Math.Min(Width * 0.28, 12 + Math.Max(SvgBuilder.TextWidth(InputLabel),
            _steps.Count == 0 ? 0 : _steps.Max(s => SvgBuilder.TextWidth(Markup.Ellipsize(s.Name, 32)))));
        double barLeft = 12 + labelWidth + 8;
        double barRight = Width - 210;
        double scaleMax = Math.Max(1, Math.Max(Input, _steps.Count == 0 ? 0 : _steps.Max(s => s.Kept)));
        double Px(long count) => Math.Max(0, count) / scaleMax * (barRight - barLeft);

        // Input row: one full bar.
        double y = top;
        DrawLabel(svg, InputLabel, y, barLeft);
        svg.Rect(barLeft, y + (RowHeight - BarThickness) / 2, Px(Input), BarThickness, Palette.Primary, "kept",
            tooltip: InputLabel + ": " + NumberFormat.Count(Input));
        svg.Text(barRight + 10, y + RowHeight / 2, NumberFormat.Count(Input), size: 11.5, baseline: "middle", bold: true, cssClass: "count");

        long stepIn = Input;
        foreach (var step in _steps)
        {
            y += RowHeight;
            DrawStep(svg, step, stepIn, y, barLeft, barRight, reasons, Px);
            stepIn = step.Kept;
        }

        y += RowHeight + 14;
        DrawLegend(svg, reasons, y);
        y += legendRows * 18;
        foreach (string p in problems)
        {
            svg.Text(12, y + 6, "⚠ counts do not add up — " + p, size: 11.5, fill: Palette.Warning, cssClass: "warning");
            y += 16;
        }
        svg.Close();
    }

    private void DrawStep(SvgBuilder svg, FunnelStep step, long stepIn, double y, double barLeft, double barRight,
        List<string> reasons, Func<long, double> px)
    {
        DrawLabel(svg, step.Name, y, barLeft);
        double barY = y + (RowHeight - BarThickness) / 2;
        double x = barLeft;
        svg.Rect(x, barY, px(step.Kept), BarThickness, Palette.Primary, "kept",
            tooltip: string.Create(CultureInfo.InvariantCulture, $"{step.Name}: kept {NumberFormat.Count(step.Kept)} of {NumberFormat.Count(stepIn)}"));
        x += px(step.Kept);
        long removed = stepIn - step.Kept;
        long attributed = Segments(step, removed).Sum(s => Math.Max(0, s.Count));
        // Over-attributed reasons are squeezed into the removed span so the bar still ends at
        // the step's input; the mismatch itself is listed under the chart.
        double squeeze = attributed > removed && attributed > 0 ? Math.Max(0, removed) / (double)attributed : 1;
        foreach (var (reason, count) in Segments(step, removed))
        {
            if (count <= 0)
                continue;
            // A sliver of 1px keeps rare reasons visible on large inputs.
            double w = Math.Max(1, px(count) * squeeze);
            svg.Rect(x, barY, w, BarThickness, ReasonColor(reasons, reason), "removed",
                tooltip: string.Create(CultureInfo.InvariantCulture, $"{step.Name}: {reason} removed {NumberFormat.Count(count)} ({NumberFormat.Percent(Fraction(count, stepIn))} of step input)"));
            x += w;
        }
        string note = removed >= 0
            ? string.Create(CultureInfo.InvariantCulture, $"−{NumberFormat.Count(removed)} ({NumberFormat.Percent(Fraction(removed, stepIn))})")
            : string.Create(CultureInfo.InvariantCulture, $"+{NumberFormat.Count(-removed)}?");
        svg.TextWithNote(barRight + 10, y + RowHeight / 2, NumberFormat.Count(step.Kept), note,
            removed >= 0 ? Palette.MutedText : Palette.Warning, 11.5, "count");
    }

    private static IEnumerable<(string Reason, long Count)> Segments(FunnelStep step, long removed)
    {
        long attributed = 0;
        foreach (var (reason, count) in step.Removed)
        {
            attributed += Math.Max(0, count);
            yield return (reason, count);
        }
        if (removed > attributed)
            yield return (Unattributed, removed - attributed);
    }

    private static void DrawLabel(SvgBuilder svg, string name, double y, double barLeft)
    {
        string shown = Markup.Ellipsize(name, 32);
        svg.Text(barLeft - 8, y + RowHeight / 2, shown, anchor: "end", size: 12, baseline: "middle", cssClass: "label",
            tooltip: shown.Length < name.Length ? name : null);
    }

    private void DrawLegend(SvgBuilder svg, List<string> reasons, double y)
    {
        if (reasons.Count == 0)
            return;
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        long stepIn = Input;
        foreach (var step in _steps)
        {
            foreach (var (reason, count) in Segments(step, stepIn - step.Kept))
                totals[reason] = totals.GetValueOrDefault(reason) + count;
            stepIn = step.Kept;
        }
        svg.OpenGroup("legend");
        double colWidth = (Width - 24) / 3.0;
        for (int i = 0; i < reasons.Count; i++)
        {
            double x = 12 + (i % 3) * colWidth;
            double ly = y + (i / 3) * 18;
            svg.Rect(x, ly - 5, 12, 10, ReasonColor(reasons, reasons[i]), "swatch");
            string label = Markup.Ellipsize(reasons[i], 28) + " " + NumberFormat.Compact(totals.GetValueOrDefault(reasons[i]));
            svg.Text(x + 17, ly, label, size: 11, baseline: "middle", cssClass: "legend-label", tooltip: reasons[i]);
        }
        svg.CloseGroup();
    }

    /// <summary>Reasons in order of first appearance, so a reason keeps one color across all steps.</summary>
    private List<string> ReasonOrder()
    {
        var order = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long stepIn = Input;
        foreach (var step in _steps)
        {
            foreach (var (reason, count) in Segments(step, stepIn - step.Kept))
            {
                if (count > 0 && seen.Add(reason))
                    order.Add(reason);
            }
            stepIn = step.Kept;
        }
        return order;
    }

    // Index 0 is the kept color, so reasons start at 1.
    private static string ReasonColor(List<string> reasons, string reason) =>
        reason == Unattributed ? "#9e9e9e" : Palette.Get(1 + reasons.IndexOf(reason) % (Palette.Count - 1));

    private static double Fraction(long part, long whole) => whole <= 0 ? 0 : part / (double)whole;
}
