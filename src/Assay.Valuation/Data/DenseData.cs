namespace Assay.Valuation.Data;

/// <summary>
/// A dense numeric data set: <see cref="Features"/> is row-major [Count × Dimension],
/// <see cref="Labels"/> holds class indices in [0, ClassCount). Optional <see cref="Groups"/>
/// assigns each row to a source for group valuation.
/// </summary>
public sealed class DenseData
{
    public DenseData(float[] features, int[] labels, int dimension, int classCount, int[]? groups = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (dimension <= 0) throw new ArgumentOutOfRangeException(nameof(dimension), "dimension must be positive");
        if (features.Length != (long)labels.Length * dimension)
            throw new ArgumentException($"features has {features.Length} values, expected {labels.Length} × {dimension}");
        if (classCount <= 0) throw new ArgumentOutOfRangeException(nameof(classCount));
        foreach (var y in labels)
            if ((uint)y >= (uint)classCount)
                throw new ArgumentException($"label {y} outside [0, {classCount})", nameof(labels));
        if (groups is not null && groups.Length != labels.Length)
            throw new ArgumentException("groups must have one entry per row", nameof(groups));
        Features = features;
        Labels = labels;
        Dimension = dimension;
        ClassCount = classCount;
        Groups = groups;
    }

    public float[] Features { get; }
    public int[] Labels { get; }
    public int Dimension { get; }
    public int ClassCount { get; }
    public int[]? Groups { get; }
    public int Count => Labels.Length;

    public ReadOnlySpan<float> Row(int i) => Features.AsSpan(i * Dimension, Dimension);

    /// <summary>Copies the given rows (in the given order) into a new data set with the same class count.</summary>
    public DenseData Subset(ReadOnlySpan<int> indices)
    {
        var f = new float[indices.Length * Dimension];
        var y = new int[indices.Length];
        int[]? g = Groups is null ? null : new int[indices.Length];
        for (int k = 0; k < indices.Length; k++)
        {
            Row(indices[k]).CopyTo(f.AsSpan(k * Dimension, Dimension));
            y[k] = Labels[indices[k]];
            if (g is not null) g[k] = Groups![indices[k]];
        }
        return new DenseData(f, y, Dimension, ClassCount, g);
    }

    public DenseData WithLabels(int[] labels) => new(Features, labels, Dimension, ClassCount, Groups);

    public DenseData WithGroups(int[] groups) => new(Features, Labels, Dimension, ClassCount, groups);
}
