using Assay.Valuation.Methods;
using Assay.Valuation.Models;

namespace Assay.Valuation.Tests;

public sealed class ThresholdKnnShapleyTests
{
    [Theory]
    [InlineData(12, 2.0, 1)]
    [InlineData(10, 3.5, 2)]
    [InlineData(11, 1.0, 3)]
    public void Closed_form_matches_exact_Shapley_by_enumeration(int n, double tau, int seed)
    {
        var (train, test) = TestData.Split(n, 6, 3, 3, seed);
        var model = new ThresholdKnnUtilityModel(tau);
        var exact = ExactSemivalue.Compute(n, s => model.Fit(train, s).Score(test), ExactSemivalue.ShapleyWeight);
        var fast = new ThresholdKnnShapley(new ThresholdKnnShapleyOptions(Threshold: tau)).Run(train, test).Values;
        for (int i = 0; i < n; i++) Assert.Equal(exact[i], fast[i], 1e-12);
    }

    [Fact]
    public void Values_sum_to_full_utility_minus_random_guess()
    {
        var (train, test) = TestData.Split(400, 50, 5, 4, 4);
        var model = new ThresholdKnnUtilityModel(2.5);
        var v = new ThresholdKnnShapley(new ThresholdKnnShapleyOptions(Threshold: 2.5)).Run(train, test).Values;
        double full = model.Fit(train, Enumerable.Range(0, 400).ToArray()).Score(test);
        Assert.Equal(full - 0.25, v.Sum(), 1e-10);
    }

    [Fact]
    public void Private_variant_is_seeded_and_approaches_the_exact_values_as_epsilon_grows()
    {
        var (train, test) = TestData.Split(3000, 200, 4, 2, 5, spread: 1.0);
        var exact = new ThresholdKnnShapley(new ThresholdKnnShapleyOptions(Threshold: 3)).Run(train, test).Values;
        double Error(double eps, int seed)
        {
            var v = new ThresholdKnnShapley(new ThresholdKnnShapleyOptions(Threshold: 3, Epsilon: eps, Seed: seed)).Run(train, test).Values;
            return v.Zip(exact).Average(p => Math.Abs(p.First - p.Second));
        }
        Assert.Equal(Error(0.5, 1), Error(0.5, 1));
        Assert.NotEqual(Error(0.5, 1), Error(0.5, 2));
        Assert.True(Error(0.9, 1) < Error(0.05, 1));
        Assert.Equal("tknn-shapley-dp", new ThresholdKnnShapley(new ThresholdKnnShapleyOptions(Epsilon: 0.5)).Name);
    }

    [Fact]
    public void Auto_threshold_is_positive_and_epsilon_out_of_range_is_rejected()
    {
        var (train, test) = TestData.Split(100, 20, 3, 2, 6);
        Assert.True(ThresholdKnnShapley.AutoThreshold(train, test, 10) > 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ThresholdKnnShapley(new ThresholdKnnShapleyOptions(Epsilon: 2)));
    }
}
