using System.Buffers.Binary;
using Assay.Core.Datasets;
using Assay.Core.Records;
using Assay.Valuation.Data;

namespace Assay.Valuation.Tests;

public sealed class FashionMnistPackTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("assay-fmnist-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Idx(string name, int magic, int[] dims, byte[] payload)
    {
        var b = new byte[4 + 4 * dims.Length + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(b, magic);
        for (int i = 0; i < dims.Length; i++) BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(4 + 4 * i), dims[i]);
        payload.CopyTo(b, 4 + 4 * dims.Length);
        File.WriteAllBytes(Path.Combine(_dir, name), b);
    }

    [Fact]
    public void Missing_idx_files_name_the_debian_package()
    {
        var e = Assert.Throws<FileNotFoundException>(() => FashionMnistPack.Pull(Path.Combine(_dir, "none"), Path.Combine(_dir, "out")));
        Assert.Contains("apt-get install dataset-fashion-mnist", e.Message);
    }

    [Fact]
    public void Idx_files_become_train_and_test_datasets_of_feature_records()
    {
        Idx("train-images-idx3-ubyte", 0x803, [2, 1, 2], [0, 255, 51, 102]);
        Idx("train-labels-idx1-ubyte", 0x801, [2], [9, 3]);
        Idx("t10k-images-idx3-ubyte", 0x803, [1, 1, 2], [255, 0]);
        Idx("t10k-labels-idx1-ubyte", 0x801, [1], [1]);
        var target = Path.Combine(_dir, "out");
        var pulled = FashionMnistPack.Pull(_dir, target);
        Assert.Equal((2L, 1L, false), (pulled.TrainRecords, pulled.TestRecords, pulled.FromCache));
        var train = DatasetReader.Read(pulled.TrainPath, new ReadOptions { RequireText = false }).ToList();
        Assert.Equal(["fmnist-train-00000", "fmnist-train-00001"], train.Select(r => r.Id));
        Assert.Equal([0.2f, 0.4f], train[1].Features!);
        Assert.Equal("3", train[1].Label.Key);
        Assert.Equal("1", DatasetReader.Read(pulled.TestPath, new ReadOptions { RequireText = false }).Single().Label.Key);
        Assert.True(FashionMnistPack.Pull(_dir, target).FromCache);
    }
}
