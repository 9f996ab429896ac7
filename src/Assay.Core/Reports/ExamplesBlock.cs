using System.Text;

namespace Assay.Core.Reports;

/// <summary>
/// A collapsed &lt;details&gt; list of example records. Texts are truncated before escaping so a
/// huge document cannot bloat the report, and the summary says how many were shown.
/// </summary>
internal sealed class ExamplesBlock(string summary, IReadOnlyList<ReportExample> examples, long total, int maxChars, bool open) : IReportBlock
{
    public void WriteHtml(StringBuilder sb)
    {
        sb.Append(open ? "<details class=\"examples\" open=\"open\"><summary>" : "<details class=\"examples\"><summary>");
        Markup.Append(sb, summary);
        sb.Append(" <span class=\"muted\">(");
        sb.Append(examples.Count == total
            ? NumberFormat.Count(total)
            : NumberFormat.Count(examples.Count) + " of " + NumberFormat.Count(total));
        sb.Append(")</span></summary>\n");
        if (examples.Count == 0)
        {
            sb.Append("<p class=\"muted\">No examples.</p>\n");
        }
        else
        {
            sb.Append("<ol>\n");
            foreach (var ex in examples)
            {
                sb.Append("<li>");
                if (!string.IsNullOrEmpty(ex.Label))
                {
                    sb.Append("<div class=\"ex-label\">");
                    Markup.Append(sb, ex.Label);
                    sb.Append("</div>");
                }
                sb.Append("<pre>");
                Markup.Append(sb, Markup.Truncate(ex.Text, maxChars));
                sb.Append("</pre></li>\n");
            }
            sb.Append("</ol>\n");
        }
        sb.Append("</details>\n");
    }
}
