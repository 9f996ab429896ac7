using Assay.Core.Datasets;
using Assay.Core.Packs;
using Assay.Core.Records;
using Assay.Valuation.Data;
using Assay.Valuation.Methods;
using Assay.Valuation.Models;

namespace Assay.Valuation.Tests;

/// <summary>The vega-datasets packs (pulled from npm on first use, then cached) as valuation inputs.</summary>
public sealed class PackDataTests
{
    private static List<Record> Pack(string name) =>
        DatasetReader.Read(PackPuller.Pull(name).Path, new ReadOptions { RequireText = false }).ToList();

    // A fixed, label-independent split: every fourth row (by id) is validation.
    private static (List<Record> Train, List<Record> Test) Split(List<Record> rows) =>
        (rows.Where((_, i) => i % 4 != 0).ToList(), rows.Where((_, i) => i % 4 == 0).ToList());

    [Theory]
    [InlineData("penguins", 342, 4, new[] { "Adelie", "Chinstrap", "Gentoo" })]
    [InlineData("cars", 392, 6, new[] { "Europe", "Japan", "USA" })]
    public void Vega_tables_become_z_scored_features_with_a_class_label(string name, int records, int dim, string[] classes)
    {
        var rows = Pack(name);
        Assert.Equal(records, rows.Count);
        Assert.All(rows, r => Assert.Equal(dim, r.Features!.Length));
        Assert.Equal(classes, rows.Select(r => r.Label.Key!).Distinct().Order(StringComparer.Ordinal));
        for (int j = 0; j < dim; j++)
        {
            var col = rows.Select(r => (double)r.Features![j]).ToList();
            Assert.Equal(0, col.Average(), 1e-5);
            Assert.Equal(1, Math.Sqrt(col.Average(v => v * v)), 1e-4);
        }
        Assert.Equal(rows.Count, rows.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void Exact_knn_shapley_on_penguins_is_efficient_and_ranks_a_flipped_label_low()
    {
        var (train, test) = Split(Pack("penguins"));
        var flipped = train[0].Clone();
        flipped.Label = Label.Of(flipped.Label.Key == "Gentoo" ? "Adelie" : "Gentoo");
        train[0] = flipped;
        var pair = RecordData.FromRecords(train, test);
        var values = new KnnShapley().Value(pair.Train, pair.Test).Values;
        var model = new KnnUtilityModel(10);
        double full = model.Fit(pair.Train, Enumerable.Range(0, pair.Train.Count).ToArray()).Score(pair.Test);
        double empty = model.Fit(pair.Train, []).Score(pair.Test);
        Assert.Equal(full - empty, values.Sum(), 1e-9);
        // Penguin species separate well on these four measurements, so a wrong species label hurts its neighbours.
        Assert.True(values[0] < 0, $"flipped record valued {values[0]}");
        Assert.True(values.Count(v => v < values[0]) < train.Count / 20);
    }

    [Fact]
    public void Cars_mpg_is_a_regression_target_for_knn_shapley_regression()
    {
        var (train, test) = Split(Pack("cars"));
        static double[] Mpg(List<Record> rows) => rows.Select(r => (double)r.Meta["Miles_per_Gallon"]!).ToArray();
        var pair = RecordData.FromRecords(train, test);
        var (y, yt) = (Mpg(train), Mpg(test));
        var values = new KnnShapleyRegression().Value(pair.Train, y, pair.Test, yt, null, TestContext.Current.CancellationToken);
        // Efficiency: Σ values = U(full) − U(∅), U(S) = −mean_t (mean of the K nearest targets in S − y_t)², U(∅) = −mean_t y_t².
        double full = 0, empty = 0;
        for (int t = 0; t < pair.Test.Count; t++)
        {
            var near = Enumerable.Range(0, pair.Train.Count)
                .Select(j => (d: KnnUtilityModel.SquaredDistance(pair.Test.Row(t), pair.Train.Row(j)), j)).Order().Take(10);
            double pred = near.Sum(p => y[p.j]) / 10;
            full -= (pred - yt[t]) * (pred - yt[t]) / pair.Test.Count;
            empty -= yt[t] * yt[t] / pair.Test.Count;
        }
        Assert.Equal(full - empty, values.Sum(), 1e-6 * Math.Abs(empty));
    }
}
