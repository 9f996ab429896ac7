namespace Assay.Learn.Models;

/// <summary>Checks of (x, y) shared by the classifiers, with messages that say what to fix.</summary>
internal static class ClassifierData
{
    public static int Rows(ReadOnlySpan<float> x, ReadOnlySpan<int> y, int d, int k)
    {
        if (y.Length == 0) throw new ArgumentException("No examples: y is empty.");
        if (x.Length != y.Length * d)
            throw new ArgumentException($"x has {x.Length} values; {y.Length} labels with {d} features need {y.Length * d}.");
        for (int i = 0; i < y.Length; i++)
            if ((uint)y[i] >= (uint)k)
                throw new ArgumentOutOfRangeException(nameof(y), $"label {y[i]} at row {i} is outside [0, {k}); set Classes in the options.");
        return y.Length;
    }

    public static int Rows(ReadOnlySpan<float> x, int d)
    {
        if (d <= 0 || x.Length % d != 0) throw new ArgumentException($"x has {x.Length} values, not a multiple of {d} features.");
        return x.Length / d;
    }

    public static int InferClasses(ReadOnlySpan<int> y, int requested)
    {
        if (requested > 0) return requested;
        int max = -1;
        foreach (int v in y) max = Math.Max(max, v);
        return Math.Max(max + 1, 2);
    }
}
