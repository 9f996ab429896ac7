using Assay.Core.Records;
using Assay.Valuation.Data;
using Assay.Valuation.Methods;

namespace Assay.Valuation.Tests;

public sealed class RecordDataTests
{
    private static Record R(string id, string label, string? source, params float[] f) =>
        new(id, "") { Label = Label.Of(label), Source = source, Features = f };

    [Fact]
    public void Records_become_dense_rows_with_shared_class_indices_and_source_groups()
    {
        var train = new[] { R("a", "cat", "web", 1, 2), R("b", "dog", "books", 3, 4), R("c", "cat", "web", 5, 6) };
        var test = new[] { R("t", "emu", null, 0, 0) };
        var p = RecordData.FromRecords(train, test);
        Assert.Equal(["cat", "dog", "emu"], p.ClassNames);
        Assert.Equal([0, 1, 0], p.Train.Labels);
        Assert.Equal([2], p.Test.Labels);
        Assert.Equal(3, p.Train.ClassCount);
        Assert.Equal([1, 0, 1], p.Train.Groups!);
        Assert.Equal([3f, 4f], p.Train.Row(1).ToArray());
    }

    [Fact]
    public void Missing_features_or_labels_name_the_record()
    {
        var bad = new Record("x", "") { Label = Label.Of("cat") };
        var e = Assert.Throws<InvalidDataException>(() => RecordData.FromRecords([bad], []));
        Assert.Contains("'x'", e.Message);
        var ragged = new[] { R("a", "cat", null, 1, 2), R("b", "cat", null, 1) };
        Assert.Contains("'b'", Assert.Throws<InvalidDataException>(() => RecordData.FromRecords(ragged, [])).Message);
    }

    [Fact]
    public void Values_go_into_meta_without_touching_the_input_records()
    {
        var train = new[] { R("a", "cat", null, 1), R("b", "dog", null, 2) };
        var result = new ValuationResult("tmc-shapley", [0.5, -0.25], [0.1, double.NaN]);
        var outRecords = RecordData.WithValues(train, result).ToList();
        Assert.Equal(0.5, (double)outRecords[0].Meta["value"]!);
        Assert.Equal("tmc-shapley", (string)outRecords[0].Meta["value_method"]!);
        Assert.Equal(0.1, (double)outRecords[0].Meta["value_se"]!);
        Assert.False(outRecords[1].Meta.ContainsKey("value_se"));
        Assert.False(train[0].HasMeta);
    }
}
