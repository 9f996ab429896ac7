namespace Assay.Core.Reports;

/// <summary>An example record shown in a collapsible block: a short label (id, score) and its text.</summary>
public sealed record ReportExample(string Label, string Text);
