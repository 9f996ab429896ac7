using System.Text;

namespace Assay.Core.Reports;

internal sealed class ParagraphBlock(string text, string? cssClass) : IReportBlock
{
    public void WriteHtml(StringBuilder sb)
    {
        sb.Append(cssClass is null ? "<p>" : "<p class=\"" + cssClass + "\">");
        Markup.Append(sb, text);
        sb.Append("</p>\n");
    }
}
