namespace Assay.Core.Reports;

/// <summary>
/// The report's only stylesheet. Kept free of '&lt;' and '&amp;' so the page stays well-formed XML.
/// </summary>
internal static class ReportStyle
{
    public const string Css = """

        :root { color-scheme: light; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #222; background: #f6f7f9; margin: 0; line-height: 1.45; }
        header, nav, main, footer { max-width: 1120px; margin: 0 auto; padding: 0 24px; }
        header { padding-top: 28px; }
        h1 { font-size: 26px; margin: 0 0 4px; }
        h2 { font-size: 19px; margin: 0 0 12px; }
        .subtitle { color: #555; margin: 0 0 12px; }
        nav ol { margin: 8px 0 0; padding-left: 20px; columns: 2; font-size: 14px; }
        nav a { color: #4e79a7; text-decoration: none; }
        section { background: #fff; border: 1px solid #e2e4e8; border-radius: 8px; padding: 18px 22px; margin: 18px 0; }
        p { margin: 0 0 10px; max-width: 80ch; }
        p.warning { background: #fdecea; border-left: 4px solid #c0392b; padding: 8px 12px; }
        .muted { color: #666; font-weight: normal; }
        dl.kv { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 8px 16px; margin: 4px 0 14px; }
        dl.kv div { background: #fff; border: 1px solid #e2e4e8; border-radius: 6px; padding: 6px 10px; }
        section dl.kv div { background: #f8f9fb; }
        dl.kv dt { font-size: 12px; color: #666; }
        dl.kv dd { margin: 0; font-size: 16px; font-weight: 600; overflow-wrap: anywhere; }
        figure.chart { margin: 8px 0 14px; display: inline-block; max-width: 100%; vertical-align: top; }
        figure.chart svg { max-width: 100%; height: auto; border: 1px solid #eceef1; border-radius: 6px; }
        .table-wrap { overflow-x: auto; margin: 6px 0 14px; }
        table { border-collapse: collapse; font-size: 14px; min-width: 40%; }
        caption { text-align: left; font-weight: 600; padding-bottom: 6px; }
        th, td { padding: 5px 12px; border-bottom: 1px solid #e7e9ed; text-align: left; vertical-align: top; }
        th { background: #f1f3f6; font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        tbody tr:nth-child(even) { background: #fafbfc; }
        details.examples { margin: 6px 0 12px; border: 1px solid #e2e4e8; border-radius: 6px; padding: 6px 12px; }
        details.examples summary { cursor: pointer; font-weight: 600; }
        details.examples ol { padding-left: 24px; }
        details.examples li { margin: 8px 0; }
        .ex-label { font-size: 12px; color: #666; margin-bottom: 2px; }
        pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f7f9; border-radius: 4px; padding: 6px 10px; margin: 0; font-size: 13px; }
        footer { color: #888; font-size: 12px; padding-bottom: 28px; }
        @media print { body { background: #fff; } section { break-inside: avoid; border: none; } nav { display: none; } }

        """;
}
