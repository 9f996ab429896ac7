using Assay.Learn.Kernels;
using static Assay.Learn.Tests.TestUtil;

namespace Assay.Learn.Tests.Kernels;

public sealed class AttentionTests
{
    [Theory]
    [InlineData(1, 1, 4, 1)]
    [InlineData(2, 5, 8, 2)]
    [InlineData(2, 7, 12, 3)]
    [InlineData(1, 9, 32, 2)]
    public void Forward_matches_reference_and_backward_matches_finite_differences(int b, int t, int c, int nh)
    {
        var rng = new Random(40 + t);
        var qkv = RandomFloats(rng, b * t * 3 * c);
        var o = new float[b * t * c];
        var att = new float[b * nh * t * t];
        Attention.Forward(o, att, qkv, b, t, c, nh);
        AssertClose(o, Reference.Attention(ToDouble(qkv), b, t, c, nh), 1e-5, 1e-4, "out");
        for (int r = 0; r < b * nh * t; r++)
            for (int t2 = r % t + 1; t2 < t; t2++)
                Assert.Equal(0f, att[r * t + t2]); // causal: no weight on the future

        var dout = RandomFloats(rng, b * t * c);
        var d0 = RandomFloats(rng, qkv.Length);
        var d = (float[])d0.Clone();
        Attention.Backward(d, dout, qkv, att, b, t, c, nh);
        var fd = FiniteDifference(z => Dot(Reference.Attention(z, b, t, c, nh), dout), ToDouble(qkv));
        AssertClose(d, Plus(d0, fd), 1e-5, 1e-4, "dqkv");
    }
}
