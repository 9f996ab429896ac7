using System.Numerics.Tensors;

namespace Assay.Text.Embeddings;

/// <summary>
/// The small dense kernels randomized SVD needs, over flat double spans with explicit shapes.
/// Matrices are column-major here ([rows × cols], column j at j·rows), so every column operation
/// is one contiguous TensorPrimitives call.
/// </summary>
internal static class DenseLinearAlgebra
{
    /// <summary>
    /// In-place modified Gram–Schmidt QR: a [m × n] column-major becomes Q with orthonormal columns.
    /// Columns whose remaining norm falls below 1e-10 of their original norm (rank deficiency) become
    /// zero, so a rank-r input yields r orthonormal columns and n−r zero ones. Returns that rank.
    /// Two passes of orthogonalization per column ("twice is enough", Giraud et al. 2005) keep Q
    /// orthonormal to machine precision even when the columns are nearly dependent.
    /// </summary>
    public static int OrthonormalizeColumns(Span<double> a, int m, int n)
    {
        int rank = 0;
        for (int j = 0; j < n; j++)
        {
            var cj = a.Slice(j * m, m);
            double original = Math.Sqrt(TensorPrimitives.Dot<double>(cj, cj));
            for (int pass = 0; pass < 2; pass++)
                for (int i = 0; i < j; i++)
                {
                    var ci = a.Slice(i * m, m);
                    double r = TensorPrimitives.Dot<double>(ci, cj);
                    if (r != 0) TensorPrimitives.MultiplyAdd<double>(ci, -r, cj, cj);
                }
            double norm = Math.Sqrt(TensorPrimitives.Dot<double>(cj, cj));
            if (original == 0 || norm <= 1e-10 * original) { cj.Clear(); continue; }
            TensorPrimitives.Divide<double>(cj, norm, cj);
            rank++;
        }
        return rank;
    }

    /// <summary>
    /// Eigen-decomposition of a symmetric [n × n] matrix by cyclic Jacobi rotations (Golub &amp; Van Loan §8.5).
    /// Returns eigenvalues descending and eigenvectors as columns of a column-major [n × n] matrix in the same order.
    /// </summary>
    public static (double[] Values, double[] Vectors) SymmetricEigen(ReadOnlySpan<double> s, int n)
    {
        var a = s.ToArray();
        var v = new double[n * n];
        for (int i = 0; i < n; i++) v[i * n + i] = 1;
        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0, total = 0;
            for (int j = 0; j < n; j++)
                for (int i = 0; i < n; i++) { double x = a[j * n + i] * a[j * n + i]; total += x; if (i != j) off += x; }
            if (off <= 1e-30 * Math.Max(total, 1e-300)) break;
            for (int p = 0; p < n - 1; p++)
                for (int q = p + 1; q < n; q++)
                {
                    double apq = a[q * n + p];
                    if (Math.Abs(apq) < 1e-300) continue;
                    double app = a[p * n + p], aqq = a[q * n + q];
                    double theta = (aqq - app) / (2 * apq);
                    double t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.Sqrt(t * t + 1), sn = t * c;
                    // A ← Jᵀ A J on rows/columns p and q (A symmetric, column-major).
                    for (int k = 0; k < n; k++)
                    {
                        double akp = a[p * n + k], akq = a[q * n + k];
                        a[p * n + k] = c * akp - sn * akq;
                        a[q * n + k] = sn * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++)
                    {
                        double apk = a[k * n + p], aqk = a[k * n + q];
                        a[k * n + p] = c * apk - sn * aqk;
                        a[k * n + q] = sn * apk + c * aqk;
                    }
                    var vp = v.AsSpan(p * n, n);
                    var vq = v.AsSpan(q * n, n);
                    for (int k = 0; k < n; k++)
                    {
                        double x = vp[k], y = vq[k];
                        vp[k] = c * x - sn * y;
                        vq[k] = sn * x + c * y;
                    }
                }
        }
        var order = Enumerable.Range(0, n).OrderByDescending(i => a[i * n + i]).ThenBy(i => i).ToArray();
        var values = order.Select(i => a[i * n + i]).ToArray();
        var vectors = new double[n * n];
        for (int j = 0; j < n; j++) v.AsSpan(order[j] * n, n).CopyTo(vectors.AsSpan(j * n, n));
        return (values, vectors);
    }
}
