using Assay.Valuation.Data;

namespace Assay.Valuation.Tests;

/// <summary>Small synthetic sets: Gaussian class blobs, so distances have no near ties.</summary>
internal static class TestData
{
    public static DenseData Blobs(int n, int dim, int classes, int seed, double spread = 1.0)
    {
        var rng = new Random(seed);
        var x = new float[n * dim];
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = rng.Next(classes);
            for (int j = 0; j < dim; j++)
                x[i * dim + j] = (float)((j % classes == y[i] ? 1.5 : 0) + spread * Gaussian(rng));
        }
        return new DenseData(x, y, dim, classes);
    }

    public static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    public static (DenseData Train, DenseData Test) Split(int nTrain, int nTest, int dim, int classes, int seed, double spread = 1.0)
    {
        var all = Blobs(nTrain + nTest, dim, classes, seed, spread);
        return (all.Subset(Enumerable.Range(0, nTrain).ToArray()), all.Subset(Enumerable.Range(nTrain, nTest).ToArray()));
    }
}
