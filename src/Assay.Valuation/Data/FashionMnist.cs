namespace Assay.Valuation.Data;

/// <summary>Fashion-MNIST (Xiao et al. 2017) from a folder of IDX files, e.g. Debian's dataset-fashion-mnist.</summary>
public static class FashionMnist
{
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";

    public static DenseData LoadTrain(string directory = DefaultDirectory, int maxCount = int.MaxValue) =>
        IdxReader.Read(Find(directory, "train-images-idx3-ubyte"), Find(directory, "train-labels-idx1-ubyte"), 10, maxCount);

    public static DenseData LoadTest(string directory = DefaultDirectory, int maxCount = int.MaxValue) =>
        IdxReader.Read(Find(directory, "t10k-images-idx3-ubyte"), Find(directory, "t10k-labels-idx1-ubyte"), 10, maxCount);

    public static bool IsAvailable(string directory = DefaultDirectory) =>
        Directory.Exists(directory) && TryFind(directory, "train-images-idx3-ubyte") is not null;

    private static string Find(string directory, string stem) =>
        TryFind(directory, stem) ?? throw new FileNotFoundException(
            $"{stem}[.gz] not found in {directory}; hint: apt-get install dataset-fashion-mnist or pass the folder holding the IDX files");

    private static string? TryFind(string directory, string stem)
    {
        foreach (var name in new[] { stem, stem + ".gz" })
        {
            var p = Path.Combine(directory, name);
            if (File.Exists(p)) return p;
        }
        return null;
    }

    /// <summary>
    /// Average-pools 28×28 images by <paramref name="factor"/> (e.g. 4 → 7×7 = 49 features); used to make
    /// model-retraining methods (TMC, Beta, Banzhaf) affordable on image data.
    /// </summary>
    public static DenseData Pool(DenseData images, int side, int factor)
    {
        if (side * side != images.Dimension || side % factor != 0)
            throw new ArgumentException($"cannot pool {images.Dimension} features as {side}×{side} by {factor}");
        int s = side / factor, d = s * s;
        var f = new float[images.Count * d];
        float scale = 1f / (factor * factor);
        for (int i = 0; i < images.Count; i++)
        {
            var row = images.Row(i);
            for (int r = 0; r < side; r++)
                for (int c = 0; c < side; c++)
                    f[i * d + (r / factor) * s + c / factor] += row[r * side + c] * scale;
        }
        return new DenseData(f, images.Labels, d, images.ClassCount, images.Groups);
    }
}
