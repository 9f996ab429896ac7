using Assay.Learn.Kernels;
using static Assay.Learn.Tests.TestUtil;

namespace Assay.Learn.Tests.Kernels;

public sealed class SoftmaxCrossEntropyTests
{
    [Fact]
    public void Softmax_matches_reference_for_every_width_1_to_40_and_large_logits()
    {
        var rng = new Random(30);
        for (int v = 1; v <= 40; v++)
        {
            var x = RandomFloats(rng, 2 * v, 30f); // large spread: max subtraction must prevent overflow
            var p = new float[2 * v];
            Softmax.Forward(p, x, 2, v);
            AssertClose(p, Reference.Softmax(ToDouble(x), 2, v), 1e-6, 1e-4, $"softmax v={v}");
        }
    }

    [Fact]
    public void Softmax_backward_matches_finite_differences()
    {
        var rng = new Random(31);
        int n = 3, v = 11;
        var x = RandomFloats(rng, n * v, 2f);
        var dp = RandomFloats(rng, n * v);
        var p = new float[n * v];
        Softmax.Forward(p, x, n, v);
        var d0 = RandomFloats(rng, n * v);
        var d = (float[])d0.Clone();
        Softmax.Backward(d, p, dp, n, v);
        var fd = FiniteDifference(z => Dot(Reference.Softmax(z, n, v), dp), ToDouble(x));
        AssertClose(d, Plus(d0, fd), 1e-5, 1e-4, "dlogits");
    }

    [Fact]
    public void Fused_cross_entropy_backward_matches_finite_differences_and_ignores_negative_targets()
    {
        var rng = new Random(32);
        int n = 4, v = 9;
        var x = RandomFloats(rng, n * v, 2f);
        int[] targets = [3, -1, 0, 8];
        var dl = new float[] { 0.5f, 0.7f, -0.2f, 1.3f };
        var p = new float[n * v];
        Softmax.Forward(p, x, n, v);
        var losses = new float[n];
        CrossEntropy.Forward(losses, p, targets, n, v);
        var pr = Reference.Softmax(ToDouble(x), n, v);
        AssertClose(losses, new[] { -Math.Log(pr[3]), 0, -Math.Log(pr[2 * v]), -Math.Log(pr[3 * v + 8]) }, 1e-5, 1e-5, "loss");

        var d = new float[n * v];
        CrossEntropy.SoftmaxBackward(d, dl, p, targets, n, v);
        double Objective(double[] z)
        {
            var q = Reference.Softmax(z, n, v);
            double s = 0;
            for (int i = 0; i < n; i++) if (targets[i] >= 0) s -= dl[i] * Math.Log(q[i * v + targets[i]]);
            return s;
        }
        AssertClose(d, FiniteDifference(Objective, ToDouble(x)), 1e-5, 1e-4, "dlogits");
        Assert.All(d.AsSpan(v, v).ToArray(), g => Assert.Equal(0f, g));
    }
}
