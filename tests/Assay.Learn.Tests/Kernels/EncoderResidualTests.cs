using Assay.Learn.Kernels;
using static Assay.Learn.Tests.TestUtil;

namespace Assay.Learn.Tests.Kernels;

public sealed class EncoderResidualTests
{
    [Fact]
    public void Encoder_adds_token_and_position_rows_and_backward_scatters_with_repeats()
    {
        var rng = new Random(50);
        int b = 2, t = 3, c = 5, v = 4;
        var wte = RandomFloats(rng, v * c);
        var wpe = RandomFloats(rng, t * c);
        int[] ids = [1, 1, 3, 0, 1, 2];
        var o = new float[b * t * c];
        Encoder.Forward(o, ids, wte, wpe, b, t, c);
        for (int bt = 0; bt < b * t; bt++)
            for (int k = 0; k < c; k++)
                Assert.Equal(wte[ids[bt] * c + k] + wpe[bt % t * c + k], o[bt * c + k]);

        var dout = RandomFloats(rng, b * t * c);
        var dwte = new float[v * c];
        var dwpe = new float[t * c];
        Encoder.Backward(dwte, dwpe, dout, ids, b, t, c);
        double Objective(double[] te, double[] pe)
        {
            double s = 0;
            for (int bt = 0; bt < b * t; bt++)
                for (int k = 0; k < c; k++) s += (te[ids[bt] * c + k] + pe[bt % t * c + k]) * dout[bt * c + k];
            return s;
        }
        AssertClose(dwte, FiniteDifference(x => Objective(x, ToDouble(wpe)), ToDouble(wte)), 1e-5, 1e-5, "dwte");
        AssertClose(dwpe, FiniteDifference(x => Objective(ToDouble(wte), x), ToDouble(wpe)), 1e-5, 1e-5, "dwpe");
    }

    [Fact]
    public void Encoder_rejects_out_of_vocabulary_ids()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Encoder.Forward(new float[2], [5], new float[4], new float[2], 1, 1, 2));
        Assert.Contains("outside the vocabulary", ex.Message);
    }

    [Fact]
    public void Residual_forward_adds_and_backward_accumulates_into_both_inputs()
    {
        var rng = new Random(51);
        for (int n = 0; n <= 20; n++)
        {
            var a = RandomFloats(rng, n);
            var b = RandomFloats(rng, n);
            var o = new float[n];
            Residual.Forward(o, a, b);
            for (int i = 0; i < n; i++) Assert.Equal(a[i] + b[i], o[i]);
            var da = (float[])a.Clone();
            var db = (float[])b.Clone();
            Residual.Backward(da, db, o);
            for (int i = 0; i < n; i++)
            {
                Assert.Equal(a[i] + o[i], da[i]);
                Assert.Equal(b[i] + o[i], db[i]);
            }
        }
    }
}
