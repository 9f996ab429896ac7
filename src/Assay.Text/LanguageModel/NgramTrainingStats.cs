namespace Assay.Text.LanguageModel;

/// <summary>What training saw: documents, tokens (words plus one &lt;/s&gt; each), and count runs spilled to disk.</summary>
public sealed record NgramTrainingStats(long Documents, long Tokens, int SpilledRuns);
