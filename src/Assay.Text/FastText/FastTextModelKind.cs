namespace Assay.Text.FastText;

/// <summary>fastText's <c>model_name</c> enum; the numeric values are what the file stores.</summary>
public enum FastTextModelKind
{
    Cbow = 1,
    SkipGram = 2,
    Supervised = 3,
}
