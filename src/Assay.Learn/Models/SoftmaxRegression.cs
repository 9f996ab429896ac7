using System.Numerics.Tensors;
using Assay.Learn.Kernels;

namespace Assay.Learn.Models;

/// <summary>
/// Multinomial logistic regression (K = 2 is plain logistic regression with a redundant class).
/// Parameters: W (K, D) then b (K). The Hessian-vector product is exact (closed form).
/// </summary>
public sealed class SoftmaxRegression : IDifferentiableClassifier
{
    private readonly float[] _p;

    private SoftmaxRegression(int d, int k, float l2, float[] parameters)
    {
        FeatureCount = d;
        ClassCount = k;
        L2 = l2;
        _p = parameters;
    }

    public int FeatureCount { get; }
    public int ClassCount { get; }
    public float L2 { get; }
    public int ParameterCount => _p.Length;
    public ReadOnlySpan<float> Parameters => _p;
    public int Iterations { get; private init; }

    /// <summary>Fits on x (N, D), y (N). warmStart (same D and K) supplies the starting parameters; otherwise zeros.</summary>
    public static SoftmaxRegression Fit(ReadOnlySpan<float> x, ReadOnlySpan<int> y, SoftmaxRegressionOptions options, SoftmaxRegression? warmStart = null)
    {
        options.Validate();
        int k = warmStart?.ClassCount ?? ClassifierData.InferClasses(y, options.Classes);
        int d = x.Length / Math.Max(y.Length, 1);
        if (warmStart is not null && warmStart.FeatureCount != d)
            throw new ArgumentException($"warm start has {warmStart.FeatureCount} features, data has {d}.");
        ClassifierData.Rows(x, y, d, k);
        var p = warmStart is null ? new float[k * d + k] : warmStart._p.ToArray();
        var model = new SoftmaxRegression(d, k, options.L2, p);
        float[] xs = x.ToArray();
        int[] ys = y.ToArray();
        int iterations = Lbfgs.Minimize((theta, grad) =>
        {
            var m = new SoftmaxRegression(d, k, options.L2, theta);
            m.ObjectiveGradient(xs, ys, grad);
            return m.Objective(xs, ys);
        }, p, options.MaxIterations, options.Tolerance);
        return new SoftmaxRegression(d, k, options.L2, p) { Iterations = iterations };
    }

    /// <summary>Wraps given parameters (W (K, D) then b (K)).</summary>
    public static SoftmaxRegression FromParameters(int features, int classes, float l2, ReadOnlySpan<float> parameters)
    {
        if (parameters.Length != classes * features + classes)
            throw new ArgumentException($"expected {classes * features + classes} parameters, got {parameters.Length}.");
        return new SoftmaxRegression(features, classes, l2, parameters.ToArray());
    }

    private ReadOnlySpan<float> W => _p.AsSpan(0, ClassCount * FeatureCount);
    private ReadOnlySpan<float> B => _p.AsSpan(ClassCount * FeatureCount, ClassCount);

    public void PredictProba(ReadOnlySpan<float> x, Span<float> probs)
    {
        int n = ClassifierData.Rows(x, FeatureCount);
        MatMul.Forward(probs, x, W, B, n, FeatureCount, ClassCount);
        Softmax.Forward(probs, probs, n, ClassCount);
    }

    private float[] Probs(ReadOnlySpan<float> x, ReadOnlySpan<int> y)
    {
        int n = ClassifierData.Rows(x, y, FeatureCount, ClassCount);
        var probs = new float[n * ClassCount];
        PredictProba(x, probs);
        return probs;
    }

    public void PerExampleLoss(ReadOnlySpan<float> x, ReadOnlySpan<int> y, Span<float> losses)
    {
        var probs = Probs(x, y);
        CrossEntropy.Forward(losses, probs, y, y.Length, ClassCount);
    }

    public void PerExampleGradients(ReadOnlySpan<float> x, ReadOnlySpan<int> y, Span<float> grads)
    {
        int d = FeatureCount, k = ClassCount, n = y.Length, np = ParameterCount;
        var probs = Probs(x, y);
        if (grads.Length != n * np) throw new ArgumentException($"grads needs N*P = {n * np} floats, got {grads.Length}.");
        for (int i = 0; i < n; i++)
        {
            var g = grads.Slice(i * np, np);
            var r = probs.AsSpan(i * k, k); // r = p - onehot(y)
            r[y[i]] -= 1f;
            var xi = x.Slice(i * d, d);
            for (int c = 0; c < k; c++) TensorPrimitives.Multiply(xi, r[c], g.Slice(c * d, d));
            r.CopyTo(g.Slice(k * d, k));
        }
    }

    public double Objective(ReadOnlySpan<float> x, ReadOnlySpan<int> y)
    {
        var losses = new float[y.Length];
        PerExampleLoss(x, y, losses);
        double s = 0;
        foreach (float l in losses) s += l;
        return s / y.Length + 0.5 * L2 * TensorPrimitives.Dot(W, W);
    }

    public void ObjectiveGradient(ReadOnlySpan<float> x, ReadOnlySpan<int> y, Span<float> grad)
    {
        int d = FeatureCount, k = ClassCount, n = y.Length;
        var probs = Probs(x, y);
        for (int i = 0; i < n; i++) probs[i * k + y[i]] -= 1f;
        // dW = R^T X / n via the linear-layer backward (R = P - Y); db = column sums / n.
        grad.Clear();
        MatMul.Backward([], grad[..(k * d)], grad.Slice(k * d, k), probs, x, W, n, d, k);
        TensorPrimitives.Multiply(grad, 1f / n, grad);
        TensorPrimitives.FusedMultiplyAdd(W, L2, grad[..(k * d)], grad[..(k * d)]);
    }

    /// <summary>Exact: H v = (1/N) sum_i J_i^T (diag p_i - p_i p_i^T) J_i v + L2 v_W, J_i the Jacobian of logits.</summary>
    public void HessianVectorProduct(ReadOnlySpan<float> x, ReadOnlySpan<int> y, ReadOnlySpan<float> v, Span<float> hv)
    {
        int d = FeatureCount, k = ClassCount, n = y.Length;
        if (v.Length != ParameterCount || hv.Length != ParameterCount) throw new ArgumentException($"v and hv need {ParameterCount} floats.");
        var probs = Probs(x, y);
        var vw = v[..(k * d)];
        var vb = v.Slice(k * d, k);
        // s (N, K) = X Vw^T + vb: the change of every logit along v.
        var s = new float[n * k];
        MatMul.Forward(s, x, vw, vb, n, d, k);
        for (int i = 0; i < n; i++)
        {
            var si = s.AsSpan(i * k, k);
            var pi = probs.AsSpan(i * k, k);
            float ps = TensorPrimitives.Dot(pi, si);
            // u = diag(p) s - p (p . s), written over s
            TensorPrimitives.Subtract(si, ps, si);
            TensorPrimitives.Multiply(si, pi, si);
        }
        hv.Clear();
        MatMul.Backward([], hv[..(k * d)], hv.Slice(k * d, k), s, x, W, n, d, k);
        TensorPrimitives.Multiply(hv, 1f / n, hv);
        TensorPrimitives.FusedMultiplyAdd(vw, L2, hv[..(k * d)], hv[..(k * d)]);
    }
}
