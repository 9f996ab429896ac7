namespace Assay.Text.FastText;

/// <summary>
/// fastText's product quantizer: a vector of <c>dim</c> floats is split into <c>nsubq</c>
/// sub-vectors of <c>dsub</c> (the last one <c>lastdsub</c>), each replaced by one of 256 centroids.
/// File layout: int32 dim, nsubq, dsub, lastdsub, then dim×256 floats.
/// </summary>
internal sealed class ProductQuantizer
{
    public const int Ksub = 256;

    private ProductQuantizer(int dim, int nsubq, int dsub, int lastDsub, float[] centroids)
    {
        Dim = dim;
        Nsubq = nsubq;
        Dsub = dsub;
        LastDsub = lastDsub;
        Centroids = centroids;
    }

    public int Dim { get; }
    public int Nsubq { get; }
    public int Dsub { get; }
    public int LastDsub { get; }
    public float[] Centroids { get; }

    /// <summary>Offset of centroid <paramref name="i"/> of sub-quantizer <paramref name="m"/> (the last one is narrower).</summary>
    public int CentroidOffset(int m, byte i) =>
        m == Nsubq - 1 ? m * Ksub * Dsub + i * LastDsub : (m * Ksub + i) * Dsub;

    /// <summary>x += alpha × decode(code t); the product alpha×c is rounded to float first, as fastText does.</summary>
    public void AddCode(Span<float> x, ReadOnlySpan<byte> codes, long t, float alpha)
    {
        var code = codes.Slice((int)(Nsubq * t), Nsubq);
        int d = Dsub;
        for (int m = 0; m < Nsubq; m++)
        {
            int c = CentroidOffset(m, code[m]);
            if (m == Nsubq - 1)
                d = LastDsub;
            for (int n = 0; n < d; n++)
                x[m * Dsub + n] += alpha * Centroids[c + n];
        }
    }

    public float MulCode(ReadOnlySpan<float> x, ReadOnlySpan<byte> codes, long t, float alpha)
    {
        var code = codes.Slice((int)(Nsubq * t), Nsubq);
        float res = 0f;
        int d = Dsub;
        for (int m = 0; m < Nsubq; m++)
        {
            int c = CentroidOffset(m, code[m]);
            if (m == Nsubq - 1)
                d = LastDsub;
            for (int n = 0; n < d; n++)
                res += x[m * Dsub + n] * Centroids[c + n];
        }
        return res * alpha;
    }

    internal static ProductQuantizer Read(ref FastTextReader r)
    {
        int dim = r.ReadInt32(), nsubq = r.ReadInt32(), dsub = r.ReadInt32(), lastDsub = r.ReadInt32();
        if (dim <= 0 || nsubq <= 0 || dsub <= 0 || lastDsub <= 0 || lastDsub > dsub || (long)dim * Ksub > Array.MaxLength)
            r.Fail($"product quantizer dim={dim} nsubq={nsubq} dsub={dsub} lastdsub={lastDsub}");
        var centroids = new float[dim * Ksub];
        r.ReadSingles(centroids);
        return new ProductQuantizer(dim, nsubq, dsub, lastDsub, centroids);
    }

    public void Write(BinaryWriter w)
    {
        w.Write(Dim);
        w.Write(Nsubq);
        w.Write(Dsub);
        w.Write(LastDsub);
        foreach (float c in Centroids)
            w.Write(c);
    }
}
