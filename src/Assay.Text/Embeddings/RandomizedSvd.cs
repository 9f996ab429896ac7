using System.Numerics.Tensors;

namespace Assay.Text.Embeddings;

/// <summary>
/// Top-k right singular vectors of a sparse matrix X [m × n] by randomized subspace iteration
/// (Halko, Martinsson &amp; Tropp 2011, Alg. 4.4 with §5.1's small SVD): Gaussian test matrix Ω [n × l],
/// l = k + oversampling (10, their recommendation), Y = XΩ, then <c>q</c> power iterations
/// Y ← X(XᵀQ) with QR re-orthonormalization after each, so the spectrum decays as σ^(2q+1).
/// With B = QᵀX, BBᵀ = Qᵀ X (XᵀQ) is only l × l; its eigenpairs (Jacobi) give B = ŨΣVᵀ and
/// V = BᵀŨΣ⁻¹ = (XᵀQ)ŨΣ⁻¹. Only m × l matrices are orthonormalized, never the wide n side.
/// Deterministic for a seed (single-threaded, fixed summation order).
/// </summary>
internal static class RandomizedSvd
{
    /// <returns>V as row-major float [n × k] (columns beyond the numerical rank are zero) and the singular values.</returns>
    public static (float[] V, double[] Sigma) RightSingularVectors(SparseRowMatrix x, int k, int oversampling, int powerIterations, ulong seed,
        Action<string>? stage = null, CancellationToken ct = default)
    {
        int m = x.Rows, n = x.Cols;
        int l = Math.Min(k + oversampling, Math.Min(m, n));
        if (l <= 0) return (new float[(long)n * k], new double[k]);

        stage?.Invoke("range");
        var omega = new float[(long)n * l];
        var g = new GaussianSource(seed);
        for (long i = 0; i < omega.Length; i++) omega[i] = (float)g.Next();
        var yRows = new float[(long)m * l];
        x.Multiply(omega, l, yRows);
        omega = null!;
        var q = ToColumnMajor(yRows, m, l);
        DenseLinearAlgebra.OrthonormalizeColumns(q, m, l);

        var z = new float[(long)n * l];
        for (int it = 0; it < powerIterations; it++)
        {
            ct.ThrowIfCancellationRequested();
            stage?.Invoke($"power iteration {it + 1}");
            x.MultiplyTransposed(ToRowMajorFloat(q, m, l), l, z);
            x.Multiply(z, l, yRows);
            q = ToColumnMajor(yRows, m, l);
            DenseLinearAlgebra.OrthonormalizeColumns(q, m, l);
        }

        stage?.Invoke("small svd");
        x.MultiplyTransposed(ToRowMajorFloat(q, m, l), l, z); // z = XᵀQ = Bᵀ [n × l]
        x.Multiply(z, l, yRows);                             // X Bᵀ [m × l]
        var w = ToColumnMajor(yRows, m, l);
        var bbt = new double[l * l];                         // B Bᵀ = Qᵀ (X Bᵀ), symmetrized
        for (int j = 0; j < l; j++)
            for (int i = 0; i <= j; i++)
            {
                double v = 0.5 * (TensorPrimitives.Dot<double>(q.AsSpan(i * m, m), w.AsSpan(j * m, m))
                                + TensorPrimitives.Dot<double>(q.AsSpan(j * m, m), w.AsSpan(i * m, m)));
                bbt[j * l + i] = v;
                bbt[i * l + j] = v;
            }
        var (lambda, u) = DenseLinearAlgebra.SymmetricEigen(bbt, l);

        // M [l × k] = Ũ_k Σ⁻¹ (row-major float), dropping directions below the numerical rank.
        var sigma = new double[k];
        var mk = new float[l * k];
        double top = Math.Sqrt(Math.Max(lambda[0], 0));
        for (int j = 0; j < Math.Min(k, l); j++)
        {
            double s = Math.Sqrt(Math.Max(lambda[j], 0));
            if (s <= 1e-6 * top || s == 0) continue;
            sigma[j] = s;
            for (int t = 0; t < l; t++) mk[t * k + j] = (float)(u[j * l + t] / s);
        }
        stage?.Invoke("project");
        var v2 = new float[(long)n * k];
        for (int r = 0; r < n; r++)
        {
            var zr = z.AsSpan((int)((long)r * l), l);
            var vr = v2.AsSpan((int)((long)r * k), k);
            for (int t = 0; t < l; t++)
                if (zr[t] != 0) TensorPrimitives.MultiplyAdd(mk.AsSpan(t * k, k), zr[t], vr, vr);
        }
        return (v2, sigma);
    }

    private static double[] ToColumnMajor(ReadOnlySpan<float> rows, int m, int l)
    {
        var c = new double[m * l];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < l; j++) c[j * m + i] = rows[i * l + j];
        return c;
    }

    private static float[] ToRowMajorFloat(ReadOnlySpan<double> cols, int m, int l)
    {
        var r = new float[m * l];
        for (int j = 0; j < l; j++)
            for (int i = 0; i < m; i++) r[i * l + j] = (float)cols[j * m + i];
        return r;
    }
}
