using Assay.Valuation.Data;
using Assay.Valuation.Methods;
using Assay.Valuation.Models;

namespace Assay.Valuation.Tests;

public sealed class KnnShapleyRegressionTests
{
    // U(S) = −(1/K Σ_{k ≤ min(K,|S|)} y_{α_k} − y_t)², averaged over test points.
    private static double Utility(DenseData train, double[] y, DenseData test, double[] yt, int k, int[] subset)
    {
        double total = 0;
        for (int t = 0; t < test.Count; t++)
        {
            var nearest = subset.Select(j => (d: KnnUtilityModel.SquaredDistance(test.Row(t), train.Row(j)), j)).Order().Take(k);
            double pred = nearest.Sum(p => y[p.j]) / k;
            total += -(pred - yt[t]) * (pred - yt[t]);
        }
        return total / test.Count;
    }

    [Theory]
    [InlineData(10, 3, 1)]
    [InlineData(9, 1, 2)]
    [InlineData(8, 5, 3)]
    [InlineData(6, 10, 4)]
    [InlineData(2, 2, 5)]
    public void Matches_exact_Shapley_by_enumeration(int n, int k, int seed)
    {
        var (train, test) = TestData.Split(n, 4, 3, 1, seed);
        var rng = new Random(seed);
        var y = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 4 - 2).ToArray();
        var yt = Enumerable.Range(0, test.Count).Select(_ => rng.NextDouble() * 4 - 2).ToArray();
        var exact = ExactSemivalue.Compute(n, s => Utility(train, y, test, yt, k, s), ExactSemivalue.ShapleyWeight);
        var fast = new KnnShapleyRegression(new KnnShapleyOptions(K: k)).Value(train, y, test, yt, null, TestContext.Current.CancellationToken);
        for (int i = 0; i < n; i++) Assert.Equal(exact[i], fast[i], 1e-12);
        double full = Utility(train, y, test, yt, k, Enumerable.Range(0, n).ToArray()), empty = Utility(train, y, test, yt, k, []);
        Assert.Equal(full - empty, fast.Sum(), 1e-12);
    }
}
