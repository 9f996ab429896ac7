using Assay.Valuation.Evaluation;
using Assay.Valuation.Methods;
using Assay.Valuation.Models;

namespace Assay.Valuation.Tests;

public sealed class EvaluationTests
{
    [Fact]
    public void Two_means_finds_the_optimal_split_on_a_line()
    {
        double[] v = [0.9, 0.1, 0.85, 0.12, 0.95, 0.05, 0.8];
        Assert.Equal([false, true, false, true, false, true, false], TwoMeans.LowCluster(v));
        // Brute force over all threshold splits agrees on random data.
        var rng = new Random(5);
        var r = Enumerable.Range(0, 40).Select(_ => rng.NextDouble()).ToArray();
        var low = TwoMeans.LowCluster(r);
        double Cost(bool[] a) => new[] { true, false }.Sum(side =>
        {
            var xs = r.Where((_, i) => a[i] == side).ToArray();
            return xs.Length == 0 ? 0 : xs.Sum(x => (x - xs.Average()) * (x - xs.Average()));
        });
        var sorted = r.Order().ToArray();
        double best = Enumerable.Range(1, 39).Min(k => Cost(r.Select(x => x < sorted[k]).ToArray()));
        Assert.Equal(best, Cost(low), 1e-12);
    }

    [Fact]
    public void Flip_changes_exactly_the_requested_share_to_other_classes()
    {
        var (train, _) = TestData.Split(200, 1, 3, 4, 41);
        var (noisy, flipped) = LabelNoise.Flip(train, 0.1, 7);
        Assert.Equal(20, flipped.Length);
        for (int i = 0; i < 200; i++)
            Assert.Equal(flipped.Contains(i), noisy.Labels[i] != train.Labels[i]);
        Assert.Equal(flipped, LabelNoise.Flip(train, 0.1, 7).Flipped);
    }

    [Fact]
    public void Knn_shapley_detects_flipped_labels_on_separable_blobs()
    {
        var (train, test) = TestData.Split(500, 200, 5, 2, 42, spread: 0.5);
        var r = NoisyLabelDetection.Run(new KnnShapley(), train, test, 0.1, 3, null, TestContext.Current.CancellationToken);
        Assert.Equal(50, r.Flipped);
        Assert.True(r.F1 > 0.6, $"F1 {r.F1}");
        Assert.InRange(r.Precision, 0, 1);
    }

    [Fact]
    public void F1_scoring_counts_true_positives()
    {
        // Values: points 0,1,2 low; flipped {0,1,5}.
        var r = NoisyLabelDetection.Score("m", [0.0, 0.01, 0.02, 1, 1, 1], [0, 1, 5], 0.5, 0);
        Assert.Equal(3, r.Predicted);
        Assert.Equal(2, r.TruePositives);
        Assert.Equal(2.0 / 3, r.F1, 1e-12);
        // Flipped values {0, 0.01, 1} vs clean {0.02, 1, 1}: 0 and 0.01 beat all three, 1 ties two and loses one.
        Assert.Equal((3 + 3 + 1.0) / 9, r.Auc, 1e-12);
    }

    [Fact]
    public void Removing_high_value_points_first_hurts_more_than_low_value_first()
    {
        var (clean, test) = TestData.Split(300, 200, 5, 2, 43, spread: 0.7);
        var (train, _) = LabelNoise.Flip(clean, 0.2, 1);
        var values = new KnnShapley().Run(train, test).Values;
        var model = new LogisticRegressionModel();
        var removal = PointRemovalAddition.Removal("knn-shapley", values, train, test, model, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(11, removal.Fractions.Length);
        Assert.Equal(removal.HighFirst[0], removal.LowFirst[0]);
        Assert.True(removal.HighFirst[^1] < removal.LowFirst[^1]);
        var addition = PointRemovalAddition.Addition("knn-shapley", values, train, test, model, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(20, addition.Fractions.Length);
        Assert.Equal(addition.HighFirst[^1], addition.LowFirst[^1]);
        Assert.True(addition.HighFirst[3] > addition.LowFirst[3]);
    }

    [Fact]
    public void Registry_creates_every_name_and_rejects_unknown_ones_listing_valid_names()
    {
        foreach (var name in ValuationMethods.Names)
            Assert.Equal(name, ValuationMethods.Create(name).Name);
        var e = Assert.Throws<ArgumentException>(() => ValuationMethods.Create("shapley"));
        Assert.Contains("knn-shapley", e.Message);
    }
}
