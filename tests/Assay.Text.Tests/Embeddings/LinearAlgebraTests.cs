using Assay.Text.Embeddings;

namespace Assay.Text.Tests.Embeddings;

public sealed class LinearAlgebraTests
{
    private static double[] Gaussian(int count, ulong seed)
    {
        var g = new GaussianSource(seed);
        return Enumerable.Range(0, count).Select(_ => g.Next()).ToArray();
    }

    [Theory]
    [InlineData(50, 7)]
    [InlineData(8, 8)]
    [InlineData(300, 40)]
    public void Gram_schmidt_gives_orthonormal_columns_spanning_the_input(int m, int n)
    {
        var a = Gaussian(m * n, 1);
        var q = (double[])a.Clone();
        Assert.Equal(n, DenseLinearAlgebra.OrthonormalizeColumns(q, m, n));
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double dot = 0;
                for (int r = 0; r < m; r++) dot += q[i * m + r] * q[j * m + r];
                Assert.True(Math.Abs(dot - (i == j ? 1 : 0)) < 1e-12, $"Q column {i}·{j} = {dot}");
            }
        // The last input column lies in span(Q): its residual after projection is ~0.
        var last = a.AsSpan((n - 1) * m, m).ToArray();
        for (int i = 0; i < n; i++)
        {
            double r = 0;
            for (int k = 0; k < m; k++) r += q[i * m + k] * last[k];
            for (int k = 0; k < m; k++) last[k] -= r * q[i * m + k];
        }
        Assert.True(last.Max(Math.Abs) < 1e-10);
    }

    [Fact]
    public void Gram_schmidt_zeroes_dependent_columns_and_reports_rank()
    {
        int m = 20;
        var a = Gaussian(m * 4, 2);
        for (int r = 0; r < m; r++) a[2 * m + r] = 2 * a[r] - a[m + r]; // column 2 = 2·c0 − c1
        Assert.Equal(3, DenseLinearAlgebra.OrthonormalizeColumns(a, m, 4));
        Assert.All(a.AsSpan(2 * m, m).ToArray(), x => Assert.Equal(0, x));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(40)]
    public void Jacobi_eigenpairs_satisfy_av_equals_lambda_v(int n)
    {
        var b = Gaussian(n * n, 3);
        var s = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) s[j * n + i] = b[j * n + i] + b[i * n + j];
        var (values, vectors) = DenseLinearAlgebra.SymmetricEigen(s, n);
        for (int k = 1; k < n; k++) Assert.True(values[k - 1] >= values[k]);
        for (int k = 0; k < n; k++)
            for (int i = 0; i < n; i++)
            {
                double av = 0;
                for (int j = 0; j < n; j++) av += s[j * n + i] * vectors[k * n + j];
                Assert.True(Math.Abs(av - values[k] * vectors[k * n + i]) < 1e-9, $"eigenpair {k} row {i}");
            }
    }

    [Fact]
    public void Randomized_svd_recovers_known_spectrum_and_vectors()
    {
        // X = U diag(s) Vᵀ with orthonormal U [m×r], V [n×r] and a decaying spectrum.
        int m = 120, n = 90, r = 12, k = 4;
        var u = Gaussian(m * r, 10); DenseLinearAlgebra.OrthonormalizeColumns(u, m, r);
        var v = Gaussian(n * r, 11); DenseLinearAlgebra.OrthonormalizeColumns(v, n, r);
        var s = Enumerable.Range(0, r).Select(i => 10.0 * Math.Pow(0.6, i)).ToArray();
        var starts = new int[m + 1];
        var cols = new List<int>();
        var vals = new List<float>();
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double x = 0;
                for (int t = 0; t < r; t++) x += u[t * m + i] * s[t] * v[t * n + j];
                cols.Add(j); vals.Add((float)x);
            }
            starts[i + 1] = cols.Count;
        }
        var mat = new SparseRowMatrix(n, starts, cols.ToArray(), vals.ToArray());
        var (vk, sigma) = RandomizedSvd.RightSingularVectors(mat, k, oversampling: 10, powerIterations: 2, seed: 5);
        for (int t = 0; t < k; t++)
        {
            Assert.True(Math.Abs(sigma[t] - s[t]) < 1e-3 * s[0], $"σ{t} = {sigma[t]}, expected {s[t]}");
            double dot = 0;
            for (int j = 0; j < n; j++) dot += vk[j * k + t] * v[t * n + j];
            Assert.True(Math.Abs(Math.Abs(dot) - 1) < 1e-3, $"|v{t}·true| = {Math.Abs(dot)}");
        }
    }
}
