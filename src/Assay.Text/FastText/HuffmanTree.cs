namespace Assay.Text.FastText;

/// <summary>
/// The label tree of hierarchical softmax, built exactly as <c>HierarchicalSoftmaxLoss::buildTree</c>:
/// leaves 0..n-1 are the labels (counts descending), inner nodes n..2n-2 are created in order by
/// merging the two smallest of "next leaf from the end" and "next inner node"; ties go to the inner node.
/// Inner node i uses output row i - n.
/// </summary>
internal sealed class HuffmanTree
{
    public HuffmanTree(ReadOnlySpan<long> counts)
    {
        int osz = counts.Length;
        int nodes = Math.Max(2 * osz - 1, 0);
        LeafCount = osz;
        Left = new int[nodes];
        Right = new int[nodes];
        Parent = new int[nodes];
        Binary = new bool[nodes];
        var count = new long[nodes];
        Array.Fill(Left, -1);
        Array.Fill(Right, -1);
        Array.Fill(Parent, -1);
        Array.Fill(count, (long)1e15);
        counts.CopyTo(count);
        int leaf = osz - 1;
        int node = osz;
        Span<int> mini = stackalloc int[2];
        for (int i = osz; i < nodes; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                if (leaf >= 0 && count[leaf] < count[node])
                    mini[j] = leaf--;
                else
                    mini[j] = node++;
            }
            Left[i] = mini[0];
            Right[i] = mini[1];
            count[i] = count[mini[0]] + count[mini[1]];
            Parent[mini[0]] = i;
            Parent[mini[1]] = i;
            Binary[mini[1]] = true;
        }
    }

    public int LeafCount { get; }
    public int[] Left { get; }
    public int[] Right { get; }
    public int[] Parent { get; }

    /// <summary>True for a right child: the target of the sigmoid at its parent is 1.</summary>
    public bool[] Binary { get; }

    public int Root => 2 * LeafCount - 2;
    public bool IsLeaf(int node) => Left[node] == -1 && Right[node] == -1;
}
