namespace Assay.Curation.Pipeline;

/// <summary>A removed record shown in the report (text cut to a preview).</summary>
public sealed record RemovedExample(string Step, string Reason, string Id, string Text);
