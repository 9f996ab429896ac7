using Assay.Valuation.Methods;
using Assay.Valuation.Models;

namespace Assay.Valuation.Tests;

/// <summary>Sampled estimators converge to the exact semivalue computed by enumeration with the KNN utility.</summary>
public sealed class SampledMethodTests
{
    private const int N = 8;

    private static (Data.DenseData Train, Data.DenseData Test, KnnUtilityModel Model) Small(int seed) =>
        TestData.Split(N, 6, 3, 2, seed) is var (train, test) ? (train, test, new KnnUtilityModel(3)) : default;

    private static void AssertWithinStandardErrors(double[] exact, ValuationResult estimate, double slack)
    {
        Assert.NotNull(estimate.StandardErrors);
        for (int i = 0; i < exact.Length; i++)
        {
            double err = Math.Abs(exact[i] - estimate.Values[i]);
            Assert.True(err <= 4 * estimate.StandardErrors![i] + slack,
                $"point {i}: exact {exact[i]:F5}, estimate {estimate.Values[i]:F5} ± {estimate.StandardErrors[i]:F5}");
        }
    }

    [Fact]
    public void Tmc_without_truncation_converges_to_exact_Shapley()
    {
        var (train, test, model) = Small(21);
        var exact = ExactSemivalue.Compute(N, s => model.Fit(train, s).Score(test), ExactSemivalue.ShapleyWeight);
        var tmc = new TmcShapley(new PermutationSamplingOptions(MaxPermutations: 3000, MinPermutations: 3000, CheckEvery: 500, TruncationTolerance: 0, Seed: 4), model).Run(train, test);
        AssertWithinStandardErrors(exact, tmc, 1e-9);
        Assert.True(exact.Zip(tmc.Values).Max(p => Math.Abs(p.First - p.Second)) < 0.02);
        Assert.Equal(3000, tmc.Samples);
    }

    [Fact]
    public void Tmc_is_identical_for_any_thread_count_and_reproducible_from_the_seed()
    {
        var (train, test) = TestData.Split(40, 20, 3, 3, 22);
        var model = new LogisticRegressionModel();
        ValuationResult Once(int threads) => new TmcShapley(new PermutationSamplingOptions(MaxPermutations: 20, MinPermutations: 20, CheckEvery: 10, Seed: 9, MaxDegreeOfParallelism: threads), model).Run(train, test);
        var a = Once(1);
        var b = Once(2);
        Assert.Equal(a.Values, b.Values);
        var other = new TmcShapley(new PermutationSamplingOptions(MaxPermutations: 20, MinPermutations: 20, CheckEvery: 10, Seed: 10), model).Run(train, test);
        Assert.NotEqual(a.Values, other.Values);
    }

    [Fact]
    public void Beta_16_1_sampling_converges_to_exact_Beta_semivalue()
    {
        var (train, test, model) = Small(23);
        var exact = ExactSemivalue.Compute(N, s => model.Fit(train, s).Score(test), (s, n) => ExactSemivalue.BetaWeight(s, n, 16, 1));
        var beta = new BetaShapley(new BetaShapleyOptions(16, 1, new PermutationSamplingOptions(MaxPermutations: 4000, MinPermutations: 4000, CheckEvery: 500, TruncationTolerance: 0, Seed: 1)), model).Run(train, test);
        AssertWithinStandardErrors(exact, beta, 1e-9);
    }

    [Theory]
    [InlineData(12, 0)]
    [InlineData(12, 5)]
    [InlineData(7, 6)]
    public void Beta_1_1_weight_is_the_Shapley_weight_and_weights_sum_to_one(int n, int s)
    {
        Assert.Equal(ExactSemivalue.ShapleyWeight(s, n), ExactSemivalue.BetaWeight(s, n, 1, 1), 1e-12);
        Assert.Equal(1.0, BetaShapley.ImportanceWeight(s, n, 1, 1), 1e-10);
        double total = 0;
        for (int k = 0; k < n; k++) total += Math.Exp(SpecialFunctions.LogChoose(n - 1, k)) * ExactSemivalue.BetaWeight(k, n, 16, 1);
        Assert.Equal(1.0, total, 1e-10);
    }

    [Fact]
    public void Banzhaf_msr_converges_to_exact_Banzhaf()
    {
        var (train, test, model) = Small(24);
        var exact = ExactSemivalue.Compute(N, s => model.Fit(train, s).Score(test), ExactSemivalue.BanzhafWeight);
        var msr = new BanzhafMsr(new BanzhafMsrOptions(Samples: 6000, Seed: 3), model).Run(train, test);
        AssertWithinStandardErrors(exact, msr, 1e-9);
    }

    [Fact]
    public void Leave_one_out_is_the_semivalue_weighting_only_the_full_coalition()
    {
        var (train, test, model) = Small(25);
        var exact = ExactSemivalue.Compute(N, s => model.Fit(train, s).Score(test), (s, n) => s == n - 1 ? 1 : 0);
        var loo = new LeaveOneOut(model).Run(train, test);
        for (int i = 0; i < N; i++) Assert.Equal(exact[i], loo.Values[i], 1e-12);
    }

    [Fact]
    public void Group_shapley_with_singleton_groups_equals_KNN_Shapley_and_sampling_converges()
    {
        var (train, test, model) = Small(26);
        var grouped = train.WithGroups(Enumerable.Range(0, N).Select(i => 100 + i).ToArray());
        var exact = new GroupShapley(null, model).ValueGroups(grouped, test, null, TestContext.Current.CancellationToken);
        Assert.True(exact.Exact);
        var knn = new KnnShapley(new KnnShapleyOptions(K: 3)).Run(train, test).Values;
        for (int i = 0; i < N; i++) Assert.Equal(knn[i], exact.Values[i], 1e-12);

        var sampledMethod = new GroupShapley(new GroupShapleyOptions(ExactMaxGroups: 0, new PermutationSamplingOptions(MaxPermutations: 3000, MinPermutations: 3000, CheckEvery: 500, TruncationTolerance: 0, Seed: 2)), model);
        var sampled = sampledMethod.Run(grouped, test);
        AssertWithinStandardErrors(exact.Values, sampled, 1e-9);
    }

    [Fact]
    public void Group_values_are_efficient_over_sources()
    {
        var (train, test) = TestData.Split(60, 20, 4, 3, 27);
        var model = new KnnUtilityModel(5);
        var grouped = train.WithGroups(Enumerable.Range(0, 60).Select(i => i % 5).ToArray());
        var g = new GroupShapley(null, model).ValueGroups(grouped, test, null, TestContext.Current.CancellationToken);
        Assert.Equal(5, g.Values.Length);
        double full = model.Fit(train, Enumerable.Range(0, 60).ToArray()).Score(test);
        Assert.Equal(full - 0, g.Values.Sum(), 1e-12);
        var perPoint = new GroupShapley(null, model).Run(grouped, test);
        Assert.Equal(full, perPoint.Values.Sum(), 1e-12);
    }
}
