using System.Text;

namespace Assay.Core.Reports;

/// <summary>A compact summary grid ("records in: 1,234,567") rendered as a description list.</summary>
internal sealed class KeyValueBlock(IReadOnlyList<KeyValuePair<string, object?>> pairs) : IReportBlock
{
    public void WriteHtml(StringBuilder sb)
    {
        sb.Append("<dl class=\"kv\">\n");
        foreach (var (key, value) in pairs)
        {
            sb.Append("<div><dt>");
            Markup.Append(sb, key);
            sb.Append("</dt><dd>");
            Markup.Append(sb, ValueText.Format(value).Text);
            sb.Append("</dd></div>\n");
        }
        sb.Append("</dl>\n");
    }
}
