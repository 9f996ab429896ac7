using Assay.Learn.Kernels;
using static Assay.Learn.Tests.TestUtil;

namespace Assay.Learn.Tests.Kernels;

public sealed class GeluTests
{
    [Fact]
    public void Forward_and_backward_match_reference_for_every_length_to_1100()
    {
        // Lengths cross the 512-element chunk and every SIMD tail.
        var rng = new Random(20);
        var all = RandomFloats(rng, 1100, 4f);
        var allDout = RandomFloats(rng, 1100);
        for (int len = 0; len <= 1100; len += len < 70 ? 1 : 97)
        {
            var x = all[..len];
            var o = new float[len];
            Gelu.Forward(o, x);
            AssertClose(o, Array.ConvertAll(x, v => Reference.Gelu(v)), 1e-6, 1e-5, $"gelu len={len}");

            var d0 = RandomFloats(rng, len);
            var d = (float[])d0.Clone();
            Gelu.Backward(d, x, allDout[..len]);
            var expected = new double[len];
            for (int i = 0; i < len; i++)
            {
                const double eps = 1e-6;
                double fd = (Reference.Gelu(x[i] + eps) - Reference.Gelu(x[i] - eps)) / (2 * eps);
                expected[i] = d0[i] + fd * allDout[i];
            }
            AssertClose(d, expected, 1e-5, 1e-4, $"dgelu len={len}");
        }
    }

    [Fact]
    public void Forward_may_run_in_place()
    {
        var x = new float[] { -3f, -1f, 0f, 0.5f, 2f };
        var expected = Array.ConvertAll(x, v => Reference.Gelu(v));
        Gelu.Forward(x, x);
        AssertClose(x, expected, 1e-6, 1e-5, "in place");
    }
}
