using System.Buffers.Binary;
using System.IO.Compression;
using Assay.Valuation.Data;

namespace Assay.Valuation.Tests;

public sealed class LoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("assay-valuation-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static byte[] Idx(int magic, int[] dims, byte[] payload)
    {
        var b = new byte[4 + 4 * dims.Length + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(b, magic);
        for (int i = 0; i < dims.Length; i++) BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(4 + 4 * i), dims[i]);
        payload.CopyTo(b, 4 + 4 * dims.Length);
        return b;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Idx_images_and_labels_round_trip_plain_or_gzipped(bool gz)
    {
        var images = Idx(0x803, [3, 2, 2], [0, 255, 51, 102, 1, 2, 3, 4, 255, 255, 0, 0]);
        var labels = Idx(0x801, [3], [7, 0, 9]);
        string Write(string name, byte[] data)
        {
            var p = Path.Combine(_dir, name + (gz ? ".gz" : ""));
            if (!gz) { File.WriteAllBytes(p, data); return p; }
            using var f = File.Create(p);
            using var z = new GZipStream(f, CompressionLevel.Fastest);
            z.Write(data);
            return p;
        }
        var d = IdxReader.Read(Write("train-images-idx3-ubyte", images), Write("train-labels-idx1-ubyte", labels), 10);
        Assert.Equal(3, d.Count);
        Assert.Equal(4, d.Dimension);
        Assert.Equal([0f, 1f, 0.2f, 0.4f], d.Row(0).ToArray());
        Assert.Equal([7, 0, 9], d.Labels);
        Assert.Equal(2, FashionMnist.LoadTrain(_dir, maxCount: 2).Count);
    }

    [Fact]
    public void Wrong_magic_names_the_file_and_hints()
    {
        var p = Path.Combine(_dir, "labels");
        File.WriteAllBytes(p, Idx(0x801, [1], [1]));
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(p));
        Assert.Contains(p, e.Message);
        Assert.Contains("hint", e.Message);
    }

    [Fact]
    public void Real_fashion_mnist_has_the_published_shape_when_installed()
    {
        Assert.SkipUnless(FashionMnist.IsAvailable(), "dataset-fashion-mnist not installed");
        var test = FashionMnist.LoadTest(maxCount: 100);
        Assert.Equal(784, test.Dimension);
        Assert.Equal(100, test.Count);
        Assert.All(test.Labels, y => Assert.InRange(y, 0, 9));
        var pooled = FashionMnist.Pool(test, 28, 4);
        Assert.Equal(49, pooled.Dimension);
        Assert.Equal(test.Features.Take(784).Sum(), pooled.Features.Take(49).Sum() * 16, 1e-3);
    }

    [Fact]
    public void Csv_and_json_tables_become_dense_data_with_ordinal_classes()
    {
        var csv = Path.Combine(_dir, "t.csv");
        File.WriteAllText(csv, "a,b,species\n1,2,Gentoo\n3,NA,Adelie\n5,6,Adelie\n");
        var t = TabularReader.ReadCsv(csv, "species");
        Assert.Equal(["a", "b"], t.FeatureNames);
        Assert.Equal(["Adelie", "Gentoo"], t.ClassNames);
        Assert.Equal(1, t.SkippedRows);
        Assert.Equal([1, 0], t.Data.Labels);

        var json = Path.Combine(_dir, "t.json");
        File.WriteAllText(json, """[{"x": 1.5, "name": "a", "y": "no"}, {"x": 2, "name": "b", "y": "yes"}, {"x": null, "name": "c", "y": "no"}]""");
        var j = TabularReader.ReadJsonArray(json, "y");
        Assert.Equal(["x"], j.FeatureNames);
        Assert.Equal(2, j.Data.Count);
        Assert.Equal([1.5f, 2f], j.Data.Features);
        var (a, _) = TabularReader.Standardize(j.Data, j.Data);
        Assert.Equal(0, a.Features.Average(), 1e-6);
    }
}
