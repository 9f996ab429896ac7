namespace Assay.Learn.Models;

/// <summary>
/// Limited-memory BFGS with a backtracking Armijo line search, in double precision over a float
/// parameter vector. Deterministic: no randomness, sums in index order.
/// </summary>
internal static class Lbfgs
{
    /// <summary>f(x, grad) returns the objective and writes its gradient.</summary>
    public delegate double Objective(float[] x, float[] grad);

    /// <returns>The number of iterations run.</returns>
    public static int Minimize(Objective f, float[] x, int maxIterations, double tolerance, int memory = 10)
    {
        int n = x.Length;
        var g = new float[n];
        var gNew = new float[n];
        var xNew = new float[n];
        var dir = new double[n];
        var s = new List<double[]>();
        var yv = new List<double[]>();
        var rho = new List<double>();
        var alpha = new double[memory];
        double fx = f(x, g);
        int it = 0;
        for (; it < maxIterations; it++)
        {
            double gnorm = Math.Sqrt(Dot(g, g));
            if (gnorm <= tolerance) break;
            // Two-loop recursion: dir = -H g.
            for (int i = 0; i < n; i++) dir[i] = -g[i];
            for (int j = s.Count - 1; j >= 0; j--)
            {
                alpha[j] = rho[j] * Dot(s[j], dir);
                Axpy(-alpha[j], yv[j], dir);
            }
            double gamma = s.Count > 0 ? Dot(s[^1], yv[^1]) / Dot(yv[^1], yv[^1]) : 1.0 / Math.Max(gnorm, 1.0);
            for (int i = 0; i < n; i++) dir[i] *= gamma;
            for (int j = 0; j < s.Count; j++)
            {
                double beta = rho[j] * Dot(yv[j], dir);
                Axpy(alpha[j] - beta, s[j], dir);
            }
            double slope = 0;
            for (int i = 0; i < n; i++) slope += dir[i] * g[i];
            if (slope >= 0)
            {
                // Not a descent direction (curvature pairs gone stale): restart from steepest descent.
                s.Clear(); yv.Clear(); rho.Clear();
                for (int i = 0; i < n; i++) dir[i] = -g[i] / Math.Max(gnorm, 1.0);
                slope = -gnorm * gnorm / Math.Max(gnorm, 1.0);
            }
            double step = 1, fNew = double.NaN;
            bool accepted = false;
            for (int ls = 0; ls < 40; ls++)
            {
                for (int i = 0; i < n; i++) xNew[i] = (float)(x[i] + step * dir[i]);
                fNew = f(xNew, gNew);
                if (fNew <= fx + 1e-4 * step * slope) { accepted = true; break; }
                step *= 0.5;
            }
            if (!accepted) break;
            var sk = new double[n];
            var yk = new double[n];
            for (int i = 0; i < n; i++)
            {
                sk[i] = (double)xNew[i] - x[i];
                yk[i] = (double)gNew[i] - g[i];
            }
            double sy = Dot(sk, yk);
            if (sy > 1e-12)
            {
                if (s.Count == memory) { s.RemoveAt(0); yv.RemoveAt(0); rho.RemoveAt(0); }
                s.Add(sk); yv.Add(yk); rho.Add(1 / sy);
            }
            bool converged = Math.Abs(fx - fNew) <= 1e-12 * Math.Max(1, Math.Abs(fx));
            Array.Copy(xNew, x, n);
            Array.Copy(gNew, g, n);
            fx = fNew;
            if (converged) { it++; break; }
        }
        return it;
    }

    private static double Dot(float[] a, float[] b)
    {
        double r = 0;
        for (int i = 0; i < a.Length; i++) r += (double)a[i] * b[i];
        return r;
    }

    private static double Dot(double[] a, double[] b)
    {
        double r = 0;
        for (int i = 0; i < a.Length; i++) r += a[i] * b[i];
        return r;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (int i = 0; i < y.Length; i++) y[i] += a * x[i];
    }
}
