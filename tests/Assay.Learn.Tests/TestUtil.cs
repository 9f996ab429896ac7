namespace Assay.Learn.Tests;

/// <summary>Random data, double-precision finite differences and tolerance assertions shared by the tests.</summary>
internal static class TestUtil
{
    public static float[] RandomFloats(Random rng, int n, float scale = 1f)
    {
        var a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float)(rng.NextDouble() * 2 - 1) * scale;
        return a;
    }

    public static double[] ToDouble(float[] a) => Array.ConvertAll(a, x => (double)x);

    /// <summary>Central differences of f at x in double precision (truncation error ~eps^2).</summary>
    public static double[] FiniteDifference(Func<double[], double> f, double[] x, double eps = 1e-5)
    {
        var g = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            double keep = x[i];
            x[i] = keep + eps;
            double fp = f(x);
            x[i] = keep - eps;
            double fm = f(x);
            x[i] = keep;
            g[i] = (fp - fm) / (2 * eps);
        }
        return g;
    }

    /// <summary>Asserts |actual - expected| &lt;= atol + rtol |expected| element by element.</summary>
    public static void AssertClose(ReadOnlySpan<float> actual, ReadOnlySpan<double> expected, double atol, double rtol, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < actual.Length; i++)
        {
            double diff = Math.Abs(actual[i] - expected[i]);
            if (!(diff <= atol + rtol * Math.Abs(expected[i])))
                Assert.Fail($"{what}[{i}]: got {actual[i]:R}, expected {expected[i]:R} (diff {diff:E2}, atol {atol}, rtol {rtol})");
        }
    }

    public static void AssertClose(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected, double atol, double rtol, string what)
    {
        var e = new double[expected.Length];
        for (int i = 0; i < e.Length; i++) e[i] = expected[i];
        AssertClose(actual, e, atol, rtol, what);
    }

    /// <summary>g0 + g, elementwise: what an accumulating backward must produce from a non-zero start.</summary>
    public static double[] Plus(float[] g0, double[] g)
    {
        var r = new double[g.Length];
        for (int i = 0; i < r.Length; i++) r[i] = g0[i] + g[i];
        return r;
    }

    public static double Dot(double[] a, float[] w)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * w[i];
        return s;
    }
}
