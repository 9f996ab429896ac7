using System.Text;

namespace Assay.Core.Reports;

internal sealed class TableBlock(Table table) : IReportBlock
{
    public void WriteHtml(StringBuilder sb) => table.WriteHtml(sb);
}
