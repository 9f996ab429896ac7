using System.Text;

namespace Assay.Core.Reports;

/// <summary>
/// An HTML table. Cells are formatted invariantly (integers with separators, doubles to four
/// significant digits, times in UTC) and escaped; numeric cells are right-aligned.
/// </summary>
public sealed class Table
{
    private readonly List<(string Text, bool Numeric)[]> _rows = [];

    public Table(params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0)
            throw new ArgumentException("A table needs at least one column.", nameof(columns));
        Columns = [.. columns];
    }

    public IReadOnlyList<string> Columns { get; }

    public int RowCount => _rows.Count;

    /// <summary>Optional caption shown above the table.</summary>
    public string? Caption { get; init; }

    /// <summary>Adds a row with exactly one cell per column; returns this table for chaining.</summary>
    public Table AddRow(params object?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != Columns.Count)
            throw new ArgumentException($"Row has {cells.Length} cells but the table has {Columns.Count} columns.", nameof(cells));
        var row = new (string, bool)[cells.Length];
        for (int i = 0; i < cells.Length; i++)
            row[i] = ValueText.Format(cells[i]);
        _rows.Add(row);
        return this;
    }

    /// <summary>A two-column table from key → value pairs.</summary>
    public static Table FromPairs(IEnumerable<KeyValuePair<string, object?>> pairs, string keyHeader = "name", string valueHeader = "value")
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var table = new Table(keyHeader, valueHeader);
        foreach (var (k, v) in pairs)
            table.AddRow(k, v);
        return table;
    }

    public string ToHtml()
    {
        var sb = new StringBuilder();
        WriteHtml(sb);
        return sb.ToString();
    }

    public void WriteHtml(StringBuilder sb)
    {
        ArgumentNullException.ThrowIfNull(sb);
        // A column is right-aligned when every non-empty cell in it is numeric.
        var numeric = new bool[Columns.Count];
        for (int c = 0; c < Columns.Count; c++)
            numeric[c] = _rows.Count > 0 && _rows.All(r => r[c].Numeric || r[c].Text.Length == 0) && _rows.Any(r => r[c].Numeric);

        sb.Append("<div class=\"table-wrap\"><table>");
        if (Caption is not null)
        {
            sb.Append("<caption>");
            Markup.Append(sb, Caption);
            sb.Append("</caption>");
        }
        sb.Append("<thead><tr>");
        for (int c = 0; c < Columns.Count; c++)
        {
            sb.Append(numeric[c] ? "<th class=\"num\">" : "<th>");
            Markup.Append(sb, Columns[c]);
            sb.Append("</th>");
        }
        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in _rows)
        {
            sb.Append("<tr>");
            for (int c = 0; c < row.Length; c++)
            {
                sb.Append(numeric[c] ? "<td class=\"num\">" : "<td>");
                Markup.Append(sb, row[c].Text);
                sb.Append("</td>");
            }
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody></table></div>\n");
    }
}
