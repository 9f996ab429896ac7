namespace Assay.Learn.Analysis;

/// <summary>Inner products of gradient vectors, summed in double in index order (deterministic).</summary>
public static class GradientAlgebra
{
    public static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"gradients differ in length: {a.Length} vs {b.Length}.");
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += (double)a[i] * b[i];
        return s;
    }

    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double na = Math.Sqrt(Dot(a, a)), nb = Math.Sqrt(Dot(b, b));
        return na == 0 || nb == 0 ? 0 : Dot(a, b) / (na * nb);
    }

    /// <summary>result[i, j] = left[i] . right[j] (e.g. TracIn-style train x test gradient products).</summary>
    public static double[,] Products(IReadOnlyList<float[]> left, IReadOnlyList<float[]> right)
    {
        var r = new double[left.Count, right.Count];
        for (int i = 0; i < left.Count; i++)
            for (int j = 0; j < right.Count; j++)
                r[i, j] = Dot(left[i], right[j]);
        return r;
    }

    /// <summary>Rows of a row-major (N, P) span as separate vectors, e.g. from IDifferentiableClassifier.PerExampleGradients.</summary>
    public static float[][] Rows(ReadOnlySpan<float> matrix, int columns)
    {
        if (columns <= 0 || matrix.Length % columns != 0) throw new ArgumentException($"{matrix.Length} values are not rows of {columns}.");
        var rows = new float[matrix.Length / columns][];
        for (int i = 0; i < rows.Length; i++) rows[i] = matrix.Slice(i * columns, columns).ToArray();
        return rows;
    }
}
