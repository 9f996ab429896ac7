using System.Numerics.Tensors;
using Assay.Learn.Kernels;

namespace Assay.Learn.Models;

/// <summary>
/// One-hidden-layer perceptron: logits = W2 tanh(W1 x + b1) + b2.
/// Parameters: W1 (H, D), b1 (H), W2 (K, H), b2 (K). The Hessian-vector product is a central
/// finite difference of exact gradients (relative error about 1e-3; see <see cref="HessianVectorProduct"/>).
/// </summary>
public sealed class MlpClassifier : IDifferentiableClassifier
{
    private readonly float[] _p;

    private MlpClassifier(int d, int h, int k, float l2, float[] parameters)
    {
        FeatureCount = d;
        Hidden = h;
        ClassCount = k;
        L2 = l2;
        _p = parameters;
    }

    public int FeatureCount { get; }
    public int Hidden { get; }
    public int ClassCount { get; }
    public float L2 { get; }
    public int ParameterCount => _p.Length;
    public ReadOnlySpan<float> Parameters => _p;
    public int Iterations { get; private init; }

    private int OffB1 => Hidden * FeatureCount;
    private int OffW2 => OffB1 + Hidden;
    private int OffB2 => OffW2 + ClassCount * Hidden;

    /// <summary>Fits on x (N, D), y (N). warmStart (same shape) supplies the starting parameters; otherwise a seeded init.</summary>
    public static MlpClassifier Fit(ReadOnlySpan<float> x, ReadOnlySpan<int> y, MlpOptions options, MlpClassifier? warmStart = null)
    {
        options.Validate();
        int k = warmStart?.ClassCount ?? ClassifierData.InferClasses(y, options.Classes);
        int h = warmStart?.Hidden ?? options.Hidden;
        int d = x.Length / Math.Max(y.Length, 1);
        if (warmStart is not null && warmStart.FeatureCount != d)
            throw new ArgumentException($"warm start has {warmStart.FeatureCount} features, data has {d}.");
        ClassifierData.Rows(x, y, d, k);
        float[] p = warmStart is null ? Init(d, h, k, options.Seed) : warmStart._p.ToArray();
        float[] xs = x.ToArray();
        int[] ys = y.ToArray();
        int iterations = Lbfgs.Minimize((theta, grad) =>
        {
            var m = new MlpClassifier(d, h, k, options.L2, theta);
            return m.ObjectiveAndGradient(xs, ys, grad);
        }, p, options.MaxIterations, options.Tolerance);
        return new MlpClassifier(d, h, k, options.L2, p) { Iterations = iterations };
    }

    public static MlpClassifier FromParameters(int features, int hidden, int classes, float l2, ReadOnlySpan<float> parameters)
    {
        int count = hidden * features + hidden + classes * hidden + classes;
        if (parameters.Length != count) throw new ArgumentException($"expected {count} parameters, got {parameters.Length}.");
        return new MlpClassifier(features, hidden, classes, l2, parameters.ToArray());
    }

    private static float[] Init(int d, int h, int k, int seed)
    {
        var p = new float[h * d + h + k * h + k];
        var rng = new Random(seed);
        float s1 = 1f / MathF.Sqrt(d), s2 = 1f / MathF.Sqrt(h);
        for (int i = 0; i < h * d; i++) p[i] = s1 * Gpt.GptModel.Gaussian(rng);
        for (int i = 0; i < k * h; i++) p[h * d + h + i] = s2 * Gpt.GptModel.Gaussian(rng);
        return p;
    }

    // hidden (N, H) = tanh(x W1^T + b1); probs (N, K) = softmax(hidden W2^T + b2)
    private void Forward(ReadOnlySpan<float> x, int n, Span<float> hidden, Span<float> probs)
    {
        int d = FeatureCount, h = Hidden, k = ClassCount;
        MatMul.Forward(hidden, x, _p.AsSpan(0, h * d), _p.AsSpan(OffB1, h), n, d, h);
        TensorPrimitives.Tanh(hidden, hidden);
        MatMul.Forward(probs, hidden, _p.AsSpan(OffW2, k * h), _p.AsSpan(OffB2, k), n, h, k);
        Softmax.Forward(probs, probs, n, k);
    }

    public void PredictProba(ReadOnlySpan<float> x, Span<float> probs)
    {
        int n = ClassifierData.Rows(x, FeatureCount);
        Forward(x, n, new float[n * Hidden], probs);
    }

    public void PerExampleLoss(ReadOnlySpan<float> x, ReadOnlySpan<int> y, Span<float> losses)
    {
        int n = ClassifierData.Rows(x, y, FeatureCount, ClassCount);
        var probs = new float[n * ClassCount];
        Forward(x, n, new float[n * Hidden], probs);
        CrossEntropy.Forward(losses, probs, y, n, ClassCount);
    }

    public void PerExampleGradients(ReadOnlySpan<float> x, ReadOnlySpan<int> y, Span<float> grads)
    {
        int d = FeatureCount, h = Hidden, k = ClassCount, np = ParameterCount;
        int n = ClassifierData.Rows(x, y, d, k);
        if (grads.Length != n * np) throw new ArgumentException($"grads needs N*P = {n * np} floats, got {grads.Length}.");
        var hidden = new float[n * h];
        var probs = new float[n * k];
        Forward(x, n, hidden, probs);
        var dh = new float[h];
        var w2 = _p.AsSpan(OffW2, k * h);
        for (int i = 0; i < n; i++)
        {
            var g = grads.Slice(i * np, np);
            var r = probs.AsSpan(i * k, k);
            r[y[i]] -= 1f;
            var hi = hidden.AsSpan(i * h, h);
            dh.AsSpan().Clear();
            for (int c = 0; c < k; c++)
            {
                TensorPrimitives.Multiply(hi, r[c], g.Slice(OffW2 + c * h, h));
                TensorPrimitives.FusedMultiplyAdd(w2.Slice(c * h, h), r[c], dh, dh);
            }
            r.CopyTo(g.Slice(OffB2, k));
            for (int j = 0; j < h; j++) dh[j] *= 1f - hi[j] * hi[j];
            var xi = x.Slice(i * d, d);
            for (int j = 0; j < h; j++) TensorPrimitives.Multiply(xi, dh[j], g.Slice(j * d, d));
            dh.CopyTo(g.Slice(OffB1, h));
        }
    }

    public double Objective(ReadOnlySpan<float> x, ReadOnlySpan<int> y) => ObjectiveAndGradient(x, y, []);

    public void ObjectiveGradient(ReadOnlySpan<float> x, ReadOnlySpan<int> y, Span<float> grad)
    {
        if (grad.Length != ParameterCount) throw new ArgumentException($"grad needs {ParameterCount} floats, got {grad.Length}.");
        ObjectiveAndGradient(x, y, grad);
    }

    /// <summary>Objective on (x, y); writes its gradient when grad is not empty.</summary>
    private double ObjectiveAndGradient(ReadOnlySpan<float> x, ReadOnlySpan<int> y, Span<float> grad)
    {
        int d = FeatureCount, h = Hidden, k = ClassCount;
        int n = ClassifierData.Rows(x, y, d, k);
        var hidden = new float[n * h];
        var probs = new float[n * k];
        Forward(x, n, hidden, probs);
        double loss = 0;
        for (int i = 0; i < n; i++) loss -= Math.Log(probs[i * k + y[i]]);
        var w1 = _p.AsSpan(0, h * d);
        var w2 = _p.AsSpan(OffW2, k * h);
        double obj = loss / n + 0.5 * L2 * ((double)TensorPrimitives.Dot(w1, w1) + TensorPrimitives.Dot(w2, w2));
        if (grad.IsEmpty) return obj;

        grad.Clear();
        for (int i = 0; i < n; i++) probs[i * k + y[i]] -= 1f;
        TensorPrimitives.Multiply(probs, 1f / n, probs);
        var dhidden = new float[n * h];
        MatMul.Backward(dhidden, grad.Slice(OffW2, k * h), grad.Slice(OffB2, k), probs, hidden, w2, n, h, k);
        for (int i = 0; i < dhidden.Length; i++) dhidden[i] *= 1f - hidden[i] * hidden[i];
        MatMul.Backward([], grad[..(h * d)], grad.Slice(OffB1, h), dhidden, x, w1, n, d, h);
        TensorPrimitives.FusedMultiplyAdd(w1, L2, grad[..(h * d)], grad[..(h * d)]);
        TensorPrimitives.FusedMultiplyAdd(w2, L2, grad.Slice(OffW2, k * h), grad.Slice(OffW2, k * h));
        return obj;
    }

    /// <summary>
    /// H v ≈ (g(θ + εv) - g(θ - εv)) / 2ε with g the exact objective gradient and
    /// ε = 1e-3 (1 + |θ|) / |v|: truncation O(ε²) and float rounding O(1e-7/ε) both near 1e-3 relative.
    /// </summary>
    public void HessianVectorProduct(ReadOnlySpan<float> x, ReadOnlySpan<int> y, ReadOnlySpan<float> v, Span<float> hv)
    {
        int np = ParameterCount;
        if (v.Length != np || hv.Length != np) throw new ArgumentException($"v and hv need {np} floats.");
        double vnorm = Math.Sqrt(TensorPrimitives.Dot(v, v));
        if (vnorm == 0) { hv.Clear(); return; }
        float eps = (float)(1e-3 * (1 + Math.Sqrt(TensorPrimitives.Dot<float>(_p, _p))) / vnorm);
        var plus = new float[np];
        var minus = new float[np];
        TensorPrimitives.FusedMultiplyAdd(v, eps, _p, plus);
        TensorPrimitives.FusedMultiplyAdd(v, -eps, _p, minus);
        var gp = new float[np];
        var gm = new float[np];
        new MlpClassifier(FeatureCount, Hidden, ClassCount, L2, plus).ObjectiveAndGradient(x, y, gp);
        new MlpClassifier(FeatureCount, Hidden, ClassCount, L2, minus).ObjectiveAndGradient(x, y, gm);
        for (int i = 0; i < np; i++) hv[i] = (float)(((double)gp[i] - gm[i]) / (2.0 * eps));
    }
}
