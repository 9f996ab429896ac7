using System.Numerics.Tensors;

namespace Assay.Text.FastText;

/// <summary>
/// The SGD step of fastText's <c>Model::update</c>: forward to the loss, gradient of the hidden
/// vector accumulated while the output rows are updated, then the gradient (divided by the number
/// of inputs) added to every input row that was averaged.
/// </summary>
internal sealed class SupervisedLearner
{
    private readonly DenseMatrix _input;
    private readonly DenseMatrix _output;
    private readonly FastTextLoss _loss;
    private readonly HuffmanTree? _tree;
    private readonly float[] _hidden;
    private readonly float[] _grad;
    private readonly float[] _probs;

    public SupervisedLearner(DenseMatrix input, DenseMatrix output, FastTextLoss loss, long[] labelCounts)
    {
        _input = input;
        _output = output;
        _loss = loss;
        _tree = loss == FastTextLoss.HierarchicalSoftmax ? new HuffmanTree(labelCounts) : null;
        _hidden = new float[input.Cols];
        _grad = new float[input.Cols];
        _probs = new float[output.Rows];
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Run(TrainingSet set, FastTextTrainOptions o, ref SplitMix64 rng, IProgress<FastTextTrainProgress>? progress, CancellationToken ct)
    {
        var order = Enumerable.Range(0, set.Count).ToArray();
        double totalTokens = (double)o.Epoch * set.TotalTokens;
        long tokenCount = 0, local = 0;
        float lr = o.LearningRate;
        for (int epoch = 0; epoch < o.Epoch; epoch++)
        {
            ct.ThrowIfCancellationRequested();
            if (o.Shuffle)
                for (int i = order.Length - 1; i > 0; i--)
                {
                    int j = rng.NextInt(i + 1);
                    (order[i], order[j]) = (order[j], order[i]);
                }
            double lossSum = 0;
            int n = 0;
            foreach (int ex in order)
            {
                lr = o.LearningRate * (float)(1.0 - tokenCount / totalTokens);
                local += set.Tokens[ex];
                var ids = set.Row(ex);
                if (!ids.IsEmpty)
                {
                    lossSum += Update(ids, set.Labels[ex], lr);
                    n++;
                }
                if (local > o.LrUpdateRate)
                {
                    tokenCount += local;
                    local = 0;
                }
            }
            progress?.Report(new FastTextTrainProgress(epoch + 1, o.Epoch, n == 0 ? 0 : lossSum / n, lr));
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private double Update(ReadOnlySpan<int> ids, int target, float lr)
    {
        FastTextModel.ComputeHidden(_input, ids, _hidden);
        Array.Clear(_grad);
        double loss = _loss == FastTextLoss.Softmax ? Softmax(target, lr) : Hierarchical(target, lr);
        TensorPrimitives.Multiply(_grad, 1f / ids.Length, _grad);
        foreach (int id in ids)
        {
            var row = _input.Row(id);
            TensorPrimitives.Add(row, _grad, row);
        }
        return loss;
    }

    private double Softmax(int target, float lr)
    {
        SoftmaxOutput.Compute(_output, _hidden, _probs);
        for (int i = 0; i < _probs.Length; i++)
        {
            float alpha = lr * ((i == target ? 1f : 0f) - _probs[i]);
            Step(i, alpha);
        }
        return -Math.Log(Math.Max(_probs[target], 1e-30f));
    }

    private double Hierarchical(int target, float lr)
    {
        var tree = _tree!;
        double loss = 0;
        for (int node = target; tree.Parent[node] != -1; node = tree.Parent[node])
        {
            int row = tree.Parent[node] - tree.LeafCount;
            bool positive = tree.Binary[node];
            float score = 1f / (1f + MathF.Exp(-TensorPrimitives.Dot(_output.Row(row), _hidden)));
            Step(row, lr * ((positive ? 1f : 0f) - score));
            loss -= Math.Log(Math.Max(positive ? score : 1f - score, 1e-30f));
        }
        return loss;
    }

    /// <summary>grad += alpha·w_row (old row), then w_row += alpha·hidden.</summary>
    private void Step(int row, float alpha)
    {
        var w = _output.Row(row);
        TensorPrimitives.MultiplyAdd(w, alpha, _grad, _grad);
        TensorPrimitives.MultiplyAdd(_hidden, alpha, w, w);
    }
}
