using System.Text;

namespace Assay.Core.Reports;

/// <summary>One piece of a report section; every block escapes all text it was given.</summary>
internal interface IReportBlock
{
    void WriteHtml(StringBuilder sb);
}
