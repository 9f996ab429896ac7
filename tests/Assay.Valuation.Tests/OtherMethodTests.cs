using Assay.Valuation.Methods;
using Assay.Valuation.Models;

namespace Assay.Valuation.Tests;

/// <summary>Methods without an exact counterpart: checked on their defining behaviour (flipped labels rank low).</summary>
public sealed class OtherMethodTests
{
    private static (Data.DenseData Noisy, Data.DenseData Test, int Flipped) NoisySet(int seed)
    {
        var (train, test) = TestData.Split(200, 100, 5, 2, seed, spread: 0.6);
        var y = train.Labels.ToArray();
        for (int i = 0; i < 20; i++) y[i] = 1 - y[i];
        return (train.WithLabels(y), test, 20);
    }

    [Fact]
    public void Data_oob_ranks_flipped_points_low_and_reports_standard_errors()
    {
        var (train, test, f) = NoisySet(31);
        var r = new DataOob(new DataOobOptions(Bags: 100, Seed: 1)).Run(train, test);
        Assert.True(r.Values.Take(f).Average() < r.Values.Skip(f).Average() - 0.3);
        var trees = new DataOob(new DataOobOptions(Bags: 100, Seed: 1), new DecisionTreeModel()).Run(train, test);
        Assert.True(trees.Values.Take(f).Average() < trees.Values.Skip(f).Average() - 0.3);
        Assert.All(r.StandardErrors!, se => Assert.True(se >= 0));
        var again = new DataOob(new DataOobOptions(Bags: 100, Seed: 1, MaxDegreeOfParallelism: 1)).Run(train, test);
        Assert.Equal(r.Values, again.Values);
    }

    [Fact]
    public void Lava_ranks_flipped_points_low()
    {
        var (train, test, f) = NoisySet(32);
        var r = new Lava().Run(train, test);
        Assert.True(r.Values.Take(f).Average() < r.Values.Skip(f).Average());
        // Most of the lowest-valued 20 are flipped ones.
        var lowest = r.Values.Select((v, i) => (v, i)).OrderBy(p => p.v).Take(f).Count(p => p.i < f);
        Assert.True(lowest >= 14, $"only {lowest} of the {f} lowest are flipped");
    }

    [Fact]
    public void Sinkhorn_plan_has_the_requested_marginals()
    {
        var rng = new Random(3);
        int n = 7, m = 5;
        var cost = Enumerable.Range(0, n * m).Select(_ => rng.NextDouble()).ToArray();
        var s = Sinkhorn.Solve(cost, n, m, 0.05, 5000, 1e-10, TestContext.Current.CancellationToken);
        for (int j = 0; j < m; j++)
        {
            double col = 0;
            for (int i = 0; i < n; i++) col += Math.Exp((s.F[i] + s.G[j] - cost[i * m + j]) / 0.05) / (n * m);
            Assert.Equal(1.0 / m, col, 1e-8);
        }
        Assert.True(s.MarginalError < 1e-9);
    }

    [Fact]
    public void Logistic_regression_learns_separable_blobs_and_warm_start_reaches_the_same_accuracy()
    {
        var (train, test) = TestData.Split(300, 200, 6, 3, 33, spread: 0.5);
        var model = new LogisticRegressionModel();
        var all = Enumerable.Range(0, 300).ToArray();
        var cold = model.Fit(train, all);
        Assert.True(cold.Score(test) > 0.9);
        var warm = model.Fit(train, all, model.Fit(train, all[..150]));
        Assert.True(Math.Abs(warm.Score(test) - cold.Score(test)) < 0.03);
        Assert.Equal(1.0 / 3, model.Fit(train, []).Score(test), 1e-12);
    }

    [Theory]
    [InlineData("learn-softmax")]
    [InlineData("learn-mlp")]
    [InlineData("logreg")]
    [InlineData("tree")]
    public void Every_registered_learner_fits_blobs_warm_starts_and_scores_the_empty_set_as_a_guess(string name)
    {
        var (train, test) = TestData.Split(200, 100, 4, 3, 34, spread: 0.5);
        var model = UtilityModels.Create(name);
        var all = Enumerable.Range(0, 200).ToArray();
        Assert.True(model.Fit(train, all).Score(test) > 0.85, name);
        var warm = model.Fit(train, all, model.Fit(train, all[..50]));
        Assert.True(warm.Score(test) > 0.85, name);
        Assert.Equal(1.0 / 3, model.Fit(train, []).Score(test), 1e-12);
        Assert.Throws<ArgumentException>(() => UtilityModels.Create("forest"));
    }

    [Fact]
    public void Unlimited_tree_fits_its_training_set_exactly_and_is_reproducible()
    {
        var (train, test) = TestData.Split(150, 50, 4, 3, 35, spread: 1.5);
        var rows = Enumerable.Range(0, 150).ToArray();
        var tree = new DecisionTreeModel(maxDepth: 64);
        Assert.Equal(1.0, tree.Fit(train, rows).Score(train), 1e-12);
        var a = tree.Fit(train, rows);
        var b = tree.Fit(train, rows);
        for (int t = 0; t < test.Count; t++) Assert.Equal(a.Predict(test.Row(t)), b.Predict(test.Row(t)));
        var stump = new DecisionTreeModel(maxDepth: 1, sqrtFeatures: false).Fit(train, rows);
        Assert.True(stump.Score(train) < 1.0);
    }
}
