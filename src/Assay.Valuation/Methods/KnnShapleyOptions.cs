namespace Assay.Valuation.Methods;

/// <summary>
/// Settings of exact KNN-Shapley. K = 10 is the default of Jia et al. 2019 experiments and OpenDataVal.
/// <see cref="TestBlockSize"/> is fixed independently of threads so results do not depend on the thread count.
/// <see cref="ExactIntegerDistances"/> lets data on the 1/255 grid use the exact int16 kernel; false forces fp32 (for comparison).
/// </summary>
public sealed record KnnShapleyOptions(int K = 10, int? MaxDegreeOfParallelism = null, int TestBlockSize = 64, bool ExactIntegerDistances = true)
{
    public KnnShapleyOptions Validated()
    {
        if (K <= 0) throw new ArgumentOutOfRangeException(nameof(K), "K must be positive");
        if (MaxDegreeOfParallelism is <= 0) throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism));
        if (TestBlockSize <= 0 || TestBlockSize % 8 != 0) throw new ArgumentOutOfRangeException(nameof(TestBlockSize), "must be a positive multiple of 8");
        return this;
    }
}
