using System.Text;

namespace Assay.Core.Reports;

internal sealed class ChartBlock(Chart chart) : IReportBlock
{
    public void WriteHtml(StringBuilder sb)
    {
        sb.Append("<figure class=\"chart\">");
        chart.WriteSvg(sb);
        sb.Append("</figure>\n");
    }
}
