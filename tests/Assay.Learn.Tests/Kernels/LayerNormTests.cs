using Assay.Learn.Kernels;
using static Assay.Learn.Tests.TestUtil;

namespace Assay.Learn.Tests.Kernels;

public sealed class LayerNormTests
{
    [Fact]
    public void Forward_matches_reference_for_every_width_1_to_40()
    {
        var rng = new Random(10);
        for (int c = 1; c <= 40; c++)
        {
            int n = 3;
            var x = RandomFloats(rng, n * c, 2f);
            var w = RandomFloats(rng, c);
            var b = RandomFloats(rng, c);
            var o = new float[n * c];
            LayerNorm.Forward(o, new float[n], new float[n], x, w, b, n, c);
            AssertClose(o, Reference.LayerNorm(ToDouble(x), ToDouble(w), ToDouble(b), n, c), 1e-5, 1e-4, $"ln c={c}");
        }
    }

    [Fact]
    public void Backward_accumulates_finite_differences()
    {
        var rng = new Random(11);
        foreach (int c in new[] { 2, 7, 8, 19, 33 })
        {
            int n = 3;
            var x = RandomFloats(rng, n * c, 2f);
            var w = RandomFloats(rng, c);
            var b = RandomFloats(rng, c);
            var dout = RandomFloats(rng, n * c);
            var mean = new float[n];
            var rstd = new float[n];
            LayerNorm.Forward(new float[n * c], mean, rstd, x, w, b, n, c);
            var dx0 = RandomFloats(rng, n * c);
            var dw0 = RandomFloats(rng, c);
            var db0 = RandomFloats(rng, c);
            float[] dx = (float[])dx0.Clone(), dw = (float[])dw0.Clone(), db = (float[])db0.Clone();
            LayerNorm.Backward(dx, dw, db, dout, x, w, mean, rstd, n, c);
            double[] xd = ToDouble(x), wd = ToDouble(w), bd = ToDouble(b);
            AssertClose(dx, Plus(dx0, FiniteDifference(v => Dot(Reference.LayerNorm(v, wd, bd, n, c), dout), xd)), 1e-4, 1e-4, "dinp");
            AssertClose(dw, Plus(dw0, FiniteDifference(v => Dot(Reference.LayerNorm(xd, v, bd, n, c), dout), wd)), 1e-4, 1e-4, "dweight");
            AssertClose(db, Plus(db0, FiniteDifference(v => Dot(Reference.LayerNorm(xd, wd, v, n, c), dout), bd)), 1e-4, 1e-4, "dbias");
        }
    }
}
