using Assay.Valuation.Data;
using Assay.Valuation.Methods;
using Assay.Valuation.Models;

namespace Assay.Valuation.Tests;

public sealed class KnnShapleyTests
{
    [Theory]
    [InlineData(12, 3, 1)]
    [InlineData(12, 10, 2)]
    [InlineData(9, 1, 3)]
    [InlineData(11, 20, 4)]
    [InlineData(1, 5, 5)]
    public void Matches_exact_Shapley_by_enumeration_with_the_KNN_utility(int n, int k, int seed)
    {
        var (train, test) = TestData.Split(n, 5, 4, 3, seed);
        var model = new KnnUtilityModel(k);
        var exact = ExactSemivalue.Compute(n, s => model.Fit(train, s).Score(test), ExactSemivalue.ShapleyWeight);
        var fast = new KnnShapley(new KnnShapleyOptions(K: k)).Run(train, test).Values;
        for (int i = 0; i < n; i++) Assert.Equal(exact[i], fast[i], 1e-12);
    }

    [Fact]
    public void Reference_recursion_per_test_point_matches_enumeration()
    {
        var (train, test) = TestData.Split(10, 1, 3, 2, 11);
        var model = new KnnUtilityModel(3);
        var exact = ExactSemivalue.Compute(10, s => model.Fit(train, s).Score(test), ExactSemivalue.ShapleyWeight);
        var reference = KnnShapley.ReferenceForTestPoint(train, test.Row(0), test.Labels[0], 3);
        for (int i = 0; i < 10; i++) Assert.Equal(exact[i], reference[i], 1e-12);
    }

    [Fact]
    public void Efficiency_values_per_test_point_sum_to_full_minus_empty_utility()
    {
        var (train, test) = TestData.Split(300, 20, 6, 4, 7);
        var model = new KnnUtilityModel(10);
        var all = Enumerable.Range(0, train.Count).ToArray();
        for (int t = 0; t < test.Count; t++)
        {
            var one = test.Subset([t]);
            var s = KnnShapley.ReferenceForTestPoint(train, test.Row(t), test.Labels[t], 10);
            double full = model.Fit(train, all).Score(one), empty = model.Fit(train, []).Score(one);
            Assert.Equal(full - empty, s.Sum(), 1e-12);
        }
        var v = new KnnShapley().Run(train, test).Values;
        Assert.Equal(model.Fit(train, all).Score(test), v.Sum(), 1e-12);
    }

    [Fact]
    public void Fast_path_equals_reference_on_a_larger_set_with_simd_tails()
    {
        // 203 train (not a multiple of 32), 37 features (not a multiple of 16), 70 test (not a multiple of the block).
        var (train, test) = TestData.Split(203, 70, 37, 5, 3);
        var fast = new KnnShapley(new KnnShapleyOptions(K: 7, TestBlockSize: 16)).Run(train, test).Values;
        var expected = new double[train.Count];
        for (int t = 0; t < test.Count; t++)
        {
            var s = KnnShapley.ReferenceForTestPoint(train, test.Row(t), test.Labels[t], 7);
            for (int i = 0; i < s.Length; i++) expected[i] += s[i] / test.Count;
        }
        for (int i = 0; i < train.Count; i++) Assert.Equal(expected[i], fast[i], 1e-12);
    }

    [Fact]
    public void Result_is_bitwise_identical_for_any_thread_count()
    {
        var (train, test) = TestData.Split(500, 300, 20, 3, 5);
        var one = new KnnShapley(new KnnShapleyOptions(MaxDegreeOfParallelism: 1, TestBlockSize: 16)).Run(train, test).Values;
        var two = new KnnShapley(new KnnShapleyOptions(MaxDegreeOfParallelism: 2, TestBlockSize: 16)).Run(train, test).Values;
        var four = new KnnShapley(new KnnShapleyOptions(MaxDegreeOfParallelism: 4, TestBlockSize: 16)).Run(train, test).Values;
        Assert.Equal(one, two);
        Assert.Equal(one, four);
    }

    [Fact]
    public void Mislabeled_points_get_lower_values()
    {
        var (train, test) = TestData.Split(400, 100, 5, 2, 9, spread: 0.5);
        var flipped = train.Labels.ToArray();
        for (int i = 0; i < 40; i++) flipped[i] = 1 - flipped[i];
        var v = new KnnShapley().Run(train.WithLabels(flipped), test).Values;
        Assert.True(v.Take(40).Average() < v.Skip(40).Average());
    }

    [Fact]
    public void Invalid_options_are_rejected_at_start()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KnnShapley(new KnnShapleyOptions(K: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KnnShapley(new KnnShapleyOptions(TestBlockSize: 12)));
    }
}
