using Assay.Core.Datasets;
using Assay.Core.IO;
using Assay.Core.Packs;
using Assay.Core.Records;

namespace Assay.Valuation.Data;

/// <summary>
/// <c>assay data pull fashion-mnist</c>: Debian's IDX files (package dataset-fashion-mnist, not an npm pack) as two
/// Assay datasets under the pack cache, <c>fashion-mnist/train</c> (60,000) and <c>fashion-mnist/test</c> (10,000):
/// records <c>fmnist-train-i</c> with 784 <c>features</c> (pixel / 255, as <see cref="IdxReader"/> reads them) and the
/// class index as <c>label</c>. Built beside the target and renamed, like npm packs, so a cut-off pull never looks done.
/// </summary>
public static class FashionMnistPack
{
    public const string Name = "fashion-mnist";
    public const string InstallHint = "apt-get install dataset-fashion-mnist";

    public sealed record Pulled(string TrainPath, string TestPath, long TrainRecords, long TestRecords, bool FromCache);

    public static string PathOf() => Path.Combine(PackCache.Root, "packs", Name);

    /// <param name="target">where the two datasets go (default: the pack cache, <see cref="PathOf"/>)</param>
    public static Pulled Pull(string idxDirectory = FashionMnist.DefaultDirectory, string? target = null, CancellationToken ct = default)
    {
        target ??= PathOf();
        string train = Path.Combine(target, "train"), test = Path.Combine(target, "test");
        if (File.Exists(Path.Combine(target, PackCache.CompleteMarker)))
            return new Pulled(train, test, DatasetManifest.Load(train).Records, DatasetManifest.Load(test).Records, true);
        if (!FashionMnist.IsAvailable(idxDirectory))
            throw new FileNotFoundException($"Fashion-MNIST IDX files not found in {idxDirectory}; install them with: {InstallHint}");
        var building = target + ".building";
        if (Directory.Exists(building)) Directory.Delete(building, true);
        long nTrain = Write(FashionMnist.LoadTrain(idxDirectory), Path.Combine(building, "train"), "train", idxDirectory, ct);
        long nTest = Write(FashionMnist.LoadTest(idxDirectory), Path.Combine(building, "test"), "test", idxDirectory, ct);
        File.WriteAllText(Path.Combine(building, PackCache.CompleteMarker), "dataset-fashion-mnist\n");
        if (Directory.Exists(target)) Directory.Delete(target, true);
        Directory.Move(building, target);
        return new Pulled(train, test, nTrain, nTest, false);
    }

    private static long Write(DenseData data, string folder, string split, string idxDirectory, CancellationToken ct)
    {
        using var writer = new DatasetWriter(folder, Compression.Zstd);
        writer.SetLicense(Name, "MIT", "https://github.com/zalandoresearch/fashion-mnist");
        for (int i = 0; i < data.Count; i++)
        {
            if ((i & 4095) == 0) ct.ThrowIfCancellationRequested();
            writer.Write(new Record($"fmnist-{split}-{i:D5}", "")
            {
                Source = Name,
                Label = Label.Of(data.Labels[i]),
                Features = data.Row(i).ToArray(),
            });
        }
        return writer.Complete($"{Name}-{split}", new Lineage
        {
            Command = $"assay data pull {Name}",
            Inputs = [new LineageInput(idxDirectory, "debian:dataset-fashion-mnist")],
        }, $"Fashion-MNIST {split} split (Xiao et al. 2017): 28×28 grey images as 784 features in [0, 1], label = class 0-9").Records;
    }
}
