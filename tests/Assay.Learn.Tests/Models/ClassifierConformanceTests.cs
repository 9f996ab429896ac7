using Assay.Learn.Models;
using static Assay.Learn.Tests.TestUtil;

namespace Assay.Learn.Tests.Models;

/// <summary>The contract every <see cref="IDifferentiableClassifier"/> must meet, run for each model.</summary>
public sealed class ClassifierConformanceTests
{
    public enum Kind { Softmax, Mlp }

    public static TheoryData<Kind> Kinds() => new() { Kind.Softmax, Kind.Mlp };

    /// <summary>Three Gaussian blobs in 4 dimensions, with some overlap.</summary>
    internal static (float[] X, int[] Y) Blobs(int n, int seed)
    {
        var rng = new Random(seed);
        var x = new float[n * 4];
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = i % 3;
            for (int j = 0; j < 4; j++)
                x[i * 4 + j] = (j == y[i] ? 2f : 0f) + Assay.Learn.Gpt.GptModel.Gaussian(rng);
        }
        return (x, y);
    }

    private static IDifferentiableClassifier Fit(Kind kind, float[] x, int[] y, IDifferentiableClassifier? warm = null) => kind switch
    {
        Kind.Softmax => SoftmaxRegression.Fit(x, y, new SoftmaxRegressionOptions(L2: 1e-2f), (SoftmaxRegression?)warm),
        _ => MlpClassifier.Fit(x, y, new MlpOptions(Hidden: 6, L2: 1e-2f, Seed: 3), (MlpClassifier?)warm),
    };

    private static int Iterations(IDifferentiableClassifier m) => m switch
    {
        SoftmaxRegression s => s.Iterations,
        MlpClassifier p => p.Iterations,
        _ => throw new InvalidOperationException(),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Fit_reaches_a_stationary_point_predicts_well_and_is_deterministic(Kind kind)
    {
        var (x, y) = Blobs(150, 1);
        var m = Fit(kind, x, y);
        var grad = new float[m.ParameterCount];
        m.ObjectiveGradient(x, y, grad);
        double norm = Math.Sqrt(grad.Sum(g => (double)g * g));
        // The objective is evaluated in float: once its changes fall under float noise (~1e-7) the
        // line search stops, which for these problems leaves |g| around 1e-4.
        Assert.True(norm < 5e-4, $"gradient norm {norm:E2} at the fitted parameters after {Iterations(m)} iterations");
        var probs = new float[y.Length * 3];
        m.PredictProba(x, probs);
        int correct = 0;
        for (int i = 0; i < y.Length; i++)
        {
            var row = probs.AsSpan(i * 3, 3);
            Assert.Equal(1.0, row[0] + row[1] + row[2], 1e-5);
            if (row.IndexOf(MathF.Max(row[0], MathF.Max(row[1], row[2]))) == y[i]) correct++;
        }
        Assert.True(correct > 0.85 * y.Length, $"train accuracy {correct}/{y.Length}");
        Assert.Equal(m.Parameters.ToArray(), Fit(kind, x, y).Parameters.ToArray());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Warm_start_from_the_optimum_stops_almost_at_once(Kind kind)
    {
        var (x, y) = Blobs(90, 2);
        var m = Fit(kind, x, y);
        var again = Fit(kind, x, y, m);
        Assert.True(Iterations(again) <= Math.Max(3, Iterations(m) / 4), $"{Iterations(again)} iterations from a warm start (cold: {Iterations(m)})");
        AssertClose(again.Parameters, m.Parameters, 1e-4, 1e-3, "warm-started parameters");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Per_example_gradients_average_to_the_objective_gradient_and_match_finite_differences(Kind kind)
    {
        var (x, y) = Blobs(30, 3);
        var m = Fit(kind, x, y);
        int p = m.ParameterCount, n = y.Length;
        var per = new float[n * p];
        m.PerExampleGradients(x, y, per);
        var mean = new double[p];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < p; j++) mean[j] += per[i * p + j] / (double)n;
        // Add the L2 term of the objective: weights are penalised, biases are not.
        var withoutReg = new float[p];
        var probe = m.Parameters.ToArray();
        var full = new float[p];
        m.ObjectiveGradient(x, y, full);
        var zeroL2 = kind == Kind.Softmax
            ? (IDifferentiableClassifier)SoftmaxRegression.FromParameters(4, 3, 0f, probe)
            : MlpClassifier.FromParameters(4, 6, 3, 0f, probe);
        zeroL2.ObjectiveGradient(x, y, withoutReg);
        AssertClose(withoutReg, mean, 1e-6, 1e-4, "mean per-example gradient");
        Assert.NotEqual(full, withoutReg); // the L2 term is really there

        // Per-example loss FD (float model, step 1e-2) for two examples.
        foreach (int i in new[] { 0, 17 })
        {
            var fd = new double[p];
            for (int j = 0; j < p; j++)
            {
                var q = probe.ToArray();
                q[j] += 1e-2f;
                double lp = Loss(kind, q, x.AsSpan(i * 4, 4), y[i]);
                q[j] -= 2e-2f;
                double lm = Loss(kind, q, x.AsSpan(i * 4, 4), y[i]);
                fd[j] = (lp - lm) / 2e-2;
            }
            AssertClose(per.AsSpan(i * p, p), fd, 1e-3, 1e-2, $"per-example gradient {i}");
        }
    }

    private static double Loss(Kind kind, float[] q, ReadOnlySpan<float> xi, int yi)
    {
        IDifferentiableClassifier m = kind == Kind.Softmax
            ? SoftmaxRegression.FromParameters(4, 3, 0f, q)
            : MlpClassifier.FromParameters(4, 6, 3, 0f, q);
        var l = new float[1];
        m.PerExampleLoss(xi, [yi], l);
        return l[0];
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Hessian_vector_product_matches_gradient_differences_and_is_symmetric(Kind kind)
    {
        var (x, y) = Blobs(60, 4);
        var m = Fit(kind, x, y);
        int p = m.ParameterCount;
        var rng = new Random(5);
        var u = RandomFloats(rng, p);
        var v = RandomFloats(rng, p);
        var hu = new float[p];
        var hv = new float[p];
        m.HessianVectorProduct(x, y, u, hu);
        m.HessianVectorProduct(x, y, v, hv);
        double uhv = 0, vhu = 0;
        for (int i = 0; i < p; i++) { uhv += u[i] * hv[i]; vhu += v[i] * hu[i]; }
        Assert.True(Math.Abs(uhv - vhu) <= 2e-3 * (Math.Abs(uhv) + 1e-3), $"u.Hv={uhv} v.Hu={vhu}");

        // Independent check: forward difference of gradients with a different step (1e-2 along v).
        var theta = m.Parameters.ToArray();
        var plus = new float[p];
        for (int i = 0; i < p; i++) plus[i] = theta[i] + 1e-2f * v[i];
        IDifferentiableClassifier mp = kind == Kind.Softmax
            ? SoftmaxRegression.FromParameters(4, 3, 1e-2f, plus)
            : MlpClassifier.FromParameters(4, 6, 3, 1e-2f, plus);
        IDifferentiableClassifier mm = kind == Kind.Softmax
            ? SoftmaxRegression.FromParameters(4, 3, 1e-2f, theta.Select((t, i) => t - 1e-2f * v[i]).ToArray())
            : MlpClassifier.FromParameters(4, 6, 3, 1e-2f, theta.Select((t, i) => t - 1e-2f * v[i]).ToArray());
        var gp = new float[p];
        var gm = new float[p];
        mp.ObjectiveGradient(x, y, gp);
        mm.ObjectiveGradient(x, y, gm);
        var fd = new double[p];
        for (int i = 0; i < p; i++) fd[i] = ((double)gp[i] - gm[i]) / 2e-2;
        double scale = fd.Max(Math.Abs);
        AssertClose(hv, fd, 2e-3 * scale, 2e-2, "Hv");
    }
}
