using System.Text;

namespace Assay.Core.Reports;

/// <summary>A titled part of an <see cref="HtmlReport"/>; blocks appear in the order they are added.</summary>
public sealed class ReportSection
{
    /// <summary>Default cut-off for example texts, in UTF-16 units.</summary>
    public const int DefaultExampleChars = 600;

    /// <summary>Default number of examples shown per block.</summary>
    public const int DefaultExampleCount = 20;

    private readonly List<IReportBlock> _blocks = [];

    internal ReportSection(string title, string id)
    {
        Title = title;
        Id = id;
    }

    public string Title { get; }

    /// <summary>Anchor id (section-1, section-2, …) used by the table of contents.</summary>
    public string Id { get; }

    public int BlockCount => _blocks.Count;

    public ReportSection AddParagraph(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _blocks.Add(new ParagraphBlock(text, null));
        return this;
    }

    /// <summary>A highlighted paragraph for things a reader must not miss (accounting mismatch, tiny sample).</summary>
    public ReportSection AddWarning(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _blocks.Add(new ParagraphBlock(text, "warning"));
        return this;
    }

    /// <summary>Summary numbers as a grid of label/value pairs; values are formatted like table cells.</summary>
    public ReportSection AddKeyValues(IEnumerable<KeyValuePair<string, object?>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        _blocks.Add(new KeyValueBlock([.. pairs]));
        return this;
    }

    /// <summary>Convenience overload: <c>AddKeyValues(("records", 120L), ("kept", 0.93))</c>.</summary>
    public ReportSection AddKeyValues(params (string Key, object? Value)[] pairs) =>
        AddKeyValues(pairs.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)));

    public ReportSection AddTable(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _blocks.Add(new TableBlock(table));
        return this;
    }

    public ReportSection AddChart(Chart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        _blocks.Add(new ChartBlock(chart));
        return this;
    }

    /// <summary>
    /// A collapsible list of examples (e.g. removed records for one reason). Takes at most
    /// <paramref name="maxItems"/> from <paramref name="examples"/>; pass <paramref name="total"/> when
    /// the full count is known so the summary reads "20 of 1,234".
    /// </summary>
    public ReportSection AddExamples(string summary, IEnumerable<ReportExample> examples, long? total = null,
        int maxItems = DefaultExampleCount, int maxChars = DefaultExampleChars, bool open = false)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentOutOfRangeException.ThrowIfNegative(maxItems);
        ArgumentOutOfRangeException.ThrowIfNegative(maxChars);
        var shown = examples.Take(maxItems).ToList();
        _blocks.Add(new ExamplesBlock(summary, shown, Math.Max(total ?? shown.Count, shown.Count), maxChars, open));
        return this;
    }

    /// <summary>Examples given as plain texts without labels.</summary>
    public ReportSection AddExamples(string summary, IEnumerable<string> texts, long? total = null,
        int maxItems = DefaultExampleCount, int maxChars = DefaultExampleChars, bool open = false) =>
        AddExamples(summary, texts.Select(t => new ReportExample("", t)), total, maxItems, maxChars, open);

    internal void WriteHtml(StringBuilder sb)
    {
        sb.Append("<section id=\"").Append(Id).Append("\">\n<h2>");
        Markup.Append(sb, Title);
        sb.Append("</h2>\n");
        foreach (var block in _blocks)
            block.WriteHtml(sb);
        sb.Append("</section>\n");
    }
}
