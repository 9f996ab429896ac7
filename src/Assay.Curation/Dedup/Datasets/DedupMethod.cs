namespace Assay.Curation.Dedup;

/// <summary>The dedup engines a dataset run can use; names are what the CLI accepts (kebab case).</summary>
public enum DedupMethod
{
    Exact,
    MinHash,
    Lines,
    Paragraphs,
    Substring,
    Semantic,
}
