using Assay.Learn.Kernels;
using static Assay.Learn.Tests.TestUtil;

namespace Assay.Learn.Tests.Kernels;

[Collection(GlobalStateCollection.Name)]
public sealed class MatMulTests
{
    public static TheoryData<MatMulBackend> Backends()
    {
        var d = new TheoryData<MatMulBackend> { MatMulBackend.Managed };
        if (MatMul.OpenBlasAvailable) d.Add(MatMulBackend.OpenBlas);
        return d;
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Forward_matches_double_reference_across_tile_tails(MatMulBackend backend)
    {
        var rng = new Random(1);
        foreach (var (n, c, oc) in new[] { (1, 1, 1), (3, 5, 7), (4, 16, 16), (5, 17, 33), (9, 20, 16), (8, 64, 48), (13, 3, 40) })
        {
            var inp = RandomFloats(rng, n * c);
            var w = RandomFloats(rng, oc * c);
            var bias = RandomFloats(rng, oc);
            var o = new float[n * oc];
            MatMul.Forward(o, inp, w, bias, n, c, oc, backend);
            AssertClose(o, Reference.MatMul(ToDouble(inp), ToDouble(w), ToDouble(bias), n, c, oc), 1e-5, 1e-5, $"out {n}x{c}x{oc}");
            MatMul.Forward(o, inp, w, [], n, c, oc, backend);
            AssertClose(o, Reference.MatMul(ToDouble(inp), ToDouble(w), null, n, c, oc), 1e-5, 1e-5, $"out no bias {n}x{c}x{oc}");
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Backward_accumulates_double_precision_finite_differences(MatMulBackend backend)
    {
        var rng = new Random(2);
        foreach (var (n, c, oc) in new[] { (1, 1, 1), (3, 5, 7), (5, 17, 18), (6, 4, 16) })
        {
            var inp = RandomFloats(rng, n * c);
            var w = RandomFloats(rng, oc * c);
            var bias = RandomFloats(rng, oc);
            var dout = RandomFloats(rng, n * oc); // objective L = sum(out * dout)
            var dinp0 = RandomFloats(rng, n * c);
            var dw0 = RandomFloats(rng, oc * c);
            var db0 = RandomFloats(rng, oc);
            var dinp = (float[])dinp0.Clone();
            var dw = (float[])dw0.Clone();
            var db = (float[])db0.Clone();
            MatMul.Backward(dinp, dw, db, dout, inp, w, n, c, oc, backend);

            double[] xi = ToDouble(inp), xw = ToDouble(w), xb = ToDouble(bias);
            var gi = FiniteDifference(x => Dot(Reference.MatMul(x, xw, xb, n, c, oc), dout), xi);
            var gw = FiniteDifference(x => Dot(Reference.MatMul(xi, x, xb, n, c, oc), dout), xw);
            var gb = FiniteDifference(x => Dot(Reference.MatMul(xi, xw, x, n, c, oc), dout), xb);
            AssertClose(dinp, Plus(dinp0, gi), 1e-5, 1e-5, "dinp");
            AssertClose(dw, Plus(dw0, gw), 1e-5, 1e-5, "dweight");
            AssertClose(db, Plus(db0, gb), 1e-5, 1e-5, "dbias");
        }
    }

    [Fact]
    public unsafe void Managed_gemm_every_shape_up_to_two_tiles_matches_scalar_sum()
    {
        // Every m in 0..9 and n in 0..35 covers full 4x16 tiles, row tails and column tails.
        var rng = new Random(3);
        const int K = 7;
        for (int m = 0; m <= 9; m++)
            for (int n = 0; n <= 35; n++)
            {
                var a = RandomFloats(rng, m * K);
                var b = RandomFloats(rng, K * n);
                var c0 = RandomFloats(rng, m * n);
                var c = (float[])c0.Clone();
                fixed (float* pa = a, pb = b, pc = c)
                    ManagedGemm.Run(pa, K, 1, pb, n, pc, n, m, n, K, accumulate: true);
                var expected = new double[m * n];
                for (int i = 0; i < m; i++)
                    for (int j = 0; j < n; j++)
                    {
                        double s = c0[i * n + j];
                        for (int p = 0; p < K; p++) s += (double)a[i * K + p] * b[p * n + j];
                        expected[i * n + j] = s;
                    }
                AssertClose(c, expected, 1e-5, 1e-5, $"gemm {m}x{n}");
            }
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(255, false)]
    [InlineData(256, true)]
    [InlineData(257, false)]
    [InlineData(600, true)]
    public unsafe void Managed_gemm_k_blocks_and_strided_a_match_scalar_sum(int k, bool accumulate)
    {
        // Transposed A (column stride) as in the weight-gradient product; k crosses the 256 k-block.
        var rng = new Random(k);
        int m = 9, n = 145; // 145 crosses the 128-column block and leaves a column tail
        var at = RandomFloats(rng, k * m); // A^T stored (k, m): a(i, p) = at[p * m + i]
        var b = RandomFloats(rng, k * n);
        var c0 = RandomFloats(rng, m * n);
        var c = (float[])c0.Clone();
        fixed (float* pa = at, pb = b, pc = c)
            ManagedGemm.Run(pa, 1, m, pb, n, pc, n, m, n, k, accumulate);
        var expected = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double s = accumulate ? c0[i * n + j] : 0;
                for (int p = 0; p < k; p++) s += (double)at[p * m + i] * b[p * n + j];
                expected[i * n + j] = s;
            }
        AssertClose(c, expected, 1e-4, 1e-4, $"gemm k={k}");
    }

    [Fact]
    public void Large_matmul_is_identical_across_thread_counts_for_managed_backend()
    {
        var rng = new Random(4);
        int n = 64, c = 96, oc = 80;
        var inp = RandomFloats(rng, n * c);
        var w = RandomFloats(rng, oc * c);
        var dout = RandomFloats(rng, n * oc);
        float[] Run(int threads)
        {
            var o = new float[n * oc];
            var dw = new float[oc * c];
            var saved = LearnThreads.Count;
            LearnThreads.SetManagedOnly(threads);
            try
            {
                MatMul.Forward(o, inp, w, [], n, c, oc, MatMulBackend.Managed);
                MatMul.Backward([], dw, [], dout, inp, w, n, c, oc, MatMulBackend.Managed);
            }
            finally { LearnThreads.SetManagedOnly(saved); }
            return [.. o, .. dw];
        }
        Assert.Equal(Run(1), Run(2));
    }
}
