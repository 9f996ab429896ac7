namespace Assay.Learn.Tests.Kernels;

/// <summary>
/// Naive scalar kernels in double precision: the oracle the fast float kernels are compared with,
/// and the function whose double-precision finite differences check every backward.
/// </summary>
internal static class Reference
{
    // out (N, OC) = inp (N, C) · w (OC, C)^T + bias
    public static double[] MatMul(double[] inp, double[] w, double[]? bias, int n, int c, int oc)
    {
        var o = new double[n * oc];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < oc; j++)
            {
                double s = bias?[j] ?? 0;
                for (int k = 0; k < c; k++) s += inp[i * c + k] * w[j * c + k];
                o[i * oc + j] = s;
            }
        return o;
    }

    public static double[] LayerNorm(double[] x, double[] w, double[] b, int n, int c)
    {
        var o = new double[n * c];
        for (int i = 0; i < n; i++)
        {
            double m = 0, v = 0;
            for (int k = 0; k < c; k++) m += x[i * c + k];
            m /= c;
            for (int k = 0; k < c; k++) v += (x[i * c + k] - m) * (x[i * c + k] - m);
            v /= c;
            double s = 1 / Math.Sqrt(v + 1e-5);
            for (int k = 0; k < c; k++) o[i * c + k] = (x[i * c + k] - m) * s * w[k] + b[k];
        }
        return o;
    }

    public static double Gelu(double x) => 0.5 * x * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));

    public static double[] Softmax(double[] x, int n, int v)
    {
        var o = new double[n * v];
        for (int i = 0; i < n; i++)
        {
            double max = double.NegativeInfinity, sum = 0;
            for (int j = 0; j < v; j++) max = Math.Max(max, x[i * v + j]);
            for (int j = 0; j < v; j++) sum += o[i * v + j] = Math.Exp(x[i * v + j] - max);
            for (int j = 0; j < v; j++) o[i * v + j] /= sum;
        }
        return o;
    }

    // qkv (B, T, 3C) -> out (B, T, C), causal, NH heads
    public static double[] Attention(double[] qkv, int b, int t, int c, int nh)
    {
        int hs = c / nh;
        var o = new double[b * t * c];
        var w = new double[t];
        for (int bi = 0; bi < b; bi++)
            for (int h = 0; h < nh; h++)
                for (int ti = 0; ti < t; ti++)
                {
                    double max = double.NegativeInfinity, sum = 0;
                    for (int t2 = 0; t2 <= ti; t2++)
                    {
                        double d = 0;
                        for (int k = 0; k < hs; k++)
                            d += qkv[(bi * t + ti) * 3 * c + h * hs + k] * qkv[(bi * t + t2) * 3 * c + c + h * hs + k];
                        w[t2] = d / Math.Sqrt(hs);
                        max = Math.Max(max, w[t2]);
                    }
                    for (int t2 = 0; t2 <= ti; t2++) sum += w[t2] = Math.Exp(w[t2] - max);
                    for (int k = 0; k < hs; k++)
                    {
                        double y = 0;
                        for (int t2 = 0; t2 <= ti; t2++) y += w[t2] / sum * qkv[(bi * t + t2) * 3 * c + 2 * c + h * hs + k];
                        o[(bi * t + ti) * c + h * hs + k] = y;
                    }
                }
        return o;
    }
}
