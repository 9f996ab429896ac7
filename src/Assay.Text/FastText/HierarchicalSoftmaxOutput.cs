namespace Assay.Text.FastText;

/// <summary>
/// Hierarchical softmax prediction: depth-first over the Huffman tree, adding log σ(±w·h) along
/// the path and pruning a branch once it cannot enter the top k or falls under the threshold.
/// </summary>
internal sealed class HierarchicalSoftmaxOutput(IFastTextMatrix output, long[] labelCounts) : OutputLayer(output)
{
    private readonly HuffmanTree _tree = new(labelCounts);

    public override void Predict(ReadOnlySpan<float> hidden, int k, float threshold, TopK heap)
    {
        if (_tree.LeafCount == 0)
            return;
        Dfs(k, StdLog(threshold), _tree.Root, 0f, heap, hidden);
    }

    private void Dfs(int k, float logThreshold, int node, float score, TopK heap, ReadOnlySpan<float> hidden)
    {
        if (score < logThreshold)
            return;
        if (heap.Count == k && score < heap.Min)
            return;
        if (_tree.IsLeaf(node))
        {
            heap.Push(score, node);
            return;
        }
        float f = Output.DotRow(hidden, node - _tree.LeafCount);
        // fastText: f = 1. / (1 + std::exp(-f)) with a float exp, then rounded back to float.
        f = (float)(1.0 / (1f + MathF.Exp(-f)));
        float left = score + StdLog(1f - f), right = score + StdLog(f);
        // fastText visits left then right; visiting the likelier child first finds a good k-th
        // score sooner and prunes more. The scores and the kept set are the same either way
        // (only exact ties could be kept in a different order).
        if (left >= right)
        {
            Dfs(k, logThreshold, _tree.Left[node], left, heap, hidden);
            Dfs(k, logThreshold, _tree.Right[node], right, heap, hidden);
        }
        else
        {
            Dfs(k, logThreshold, _tree.Right[node], right, heap, hidden);
            Dfs(k, logThreshold, _tree.Left[node], left, heap, hidden);
        }
    }
}
