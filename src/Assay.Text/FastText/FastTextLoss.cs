namespace Assay.Text.FastText;

/// <summary>fastText's <c>loss_name</c> enum; the numeric values are what the file stores.</summary>
public enum FastTextLoss
{
    HierarchicalSoftmax = 1,
    NegativeSampling = 2,
    Softmax = 3,
    OneVsAll = 4,
}
