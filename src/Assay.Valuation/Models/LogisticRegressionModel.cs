using System.Numerics.Tensors;
using Assay.Valuation.Data;

namespace Assay.Valuation.Models;

/// <summary>
/// Multinomial logistic regression with L2 penalty, fitted by Nesterov-accelerated full-batch gradient
/// descent with the fixed step 1/L, where L = ½·mean‖x‖² + λ bounds the softmax loss curvature
/// (Böhning 1992). Warm start continues from a previous fit's weights, which is what makes TMC-Shapley's
/// prefix refits cheap (Ghorbani &amp; Zou 2019 also warm-start). Deterministic: no randomness.
/// </summary>
public sealed class LogisticRegressionModel(LogisticRegressionOptions? options = null) : IUtilityModel
{
    public LogisticRegressionOptions Options { get; } = (options ?? new LogisticRegressionOptions()).Validated();

    public string Name => $"logreg(l2={Options.L2},iters={Options.MaxIterations})";

    public IFittedModel Fit(DenseData train, ReadOnlySpan<int> subset, IFittedModel? warmStart = null)
    {
        int c = train.ClassCount, d = train.Dimension, p = d + 1, n = subset.Length;
        var w = new float[c * p];
        if (warmStart is Fitted prev && prev.Weights.Length == w.Length) prev.Weights.CopyTo(w, 0);
        if (n == 0) return new Fitted(w, c, d, empty: true);

        // A single class present: the optimum drives its logit up; predicting it directly is exact in the limit.
        int first = train.Labels[subset[0]];
        bool single = true;
        for (int s = 1; s < n && single; s++) single = train.Labels[subset[s]] == first;
        if (single) return new Fitted(w, c, d, empty: false, constant: first);

        double meanSq = 0;
        for (int s = 0; s < n; s++) meanSq += TensorPrimitives.Dot(train.Row(subset[s]), train.Row(subset[s])) + 1.0;
        meanSq /= n;
        float lambda = (float)Options.L2;
        float step = (float)(1.0 / (0.5 * meanSq + lambda));

        var y = w.ToArray();          // Nesterov look-ahead point
        var wPrev = w.ToArray();
        var grad = new float[w.Length];
        var logits = new float[c];
        float t = 1;
        for (int it = 0; it < Options.MaxIterations; it++)
        {
            Gradient(train, subset, y, grad, logits, c, d, lambda);
            float gnorm = TensorPrimitives.Norm(grad);
            if (gnorm < Options.Tolerance) { y.CopyTo(w, 0); break; }
            w.CopyTo(wPrev, 0);
            // w = y − step·grad
            TensorPrimitives.MultiplyAdd(grad, -step, y, w);
            float tNext = (1 + MathF.Sqrt(1 + 4 * t * t)) / 2;
            float momentum = (t - 1) / tNext;
            // y = w + momentum·(w − wPrev)
            for (int i = 0; i < w.Length; i++) y[i] = w[i] + momentum * (w[i] - wPrev[i]);
            t = tNext;
        }
        return new Fitted(w, c, d, empty: false);
    }

    // grad = (1/n) Σ (softmax(Wx) − onehot(y)) xᵀ + λW  (bias column unpenalised)
    private static void Gradient(DenseData train, ReadOnlySpan<int> subset, float[] w, float[] grad, float[] logits, int c, int d, float lambda)
    {
        int p = d + 1;
        Array.Clear(grad);
        float inv = 1f / subset.Length;
        foreach (var idx in subset)
        {
            var x = train.Row(idx);
            for (int k = 0; k < c; k++) logits[k] = TensorPrimitives.Dot(w.AsSpan(k * p, d), x) + w[k * p + d];
            TensorPrimitives.SoftMax(logits, logits);
            logits[train.Labels[idx]] -= 1;
            for (int k = 0; k < c; k++)
            {
                float r = logits[k] * inv;
                TensorPrimitives.MultiplyAdd(x, r, grad.AsSpan(k * p, d), grad.AsSpan(k * p, d));
                grad[k * p + d] += r;
            }
        }
        for (int k = 0; k < c; k++)
            TensorPrimitives.MultiplyAdd(w.AsSpan(k * p, d), lambda, grad.AsSpan(k * p, d), grad.AsSpan(k * p, d));
    }

    private sealed class Fitted(float[] weights, int classes, int dim, bool empty, int constant = -1) : IFittedModel
    {
        public float[] Weights { get; } = weights;

        public int Predict(ReadOnlySpan<float> x)
        {
            if (constant >= 0) return constant;
            if (empty) return 0;
            int p = dim + 1, best = 0;
            float bestLogit = float.NegativeInfinity;
            for (int k = 0; k < classes; k++)
            {
                float l = TensorPrimitives.Dot(Weights.AsSpan(k * p, dim), x) + Weights[k * p + dim];
                if (l > bestLogit) { bestLogit = l; best = k; }
            }
            return best;
        }

        // An empty training set carries no information: score as a uniform random guess (1/C).
        public double ScoreRow(DenseData test, int row) =>
            empty ? 1.0 / classes : Predict(test.Row(row)) == test.Labels[row] ? 1 : 0;
    }
}
