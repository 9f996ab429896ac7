namespace Assay.Text.FastText;

/// <summary>
/// fastText's quantized matrix (<c>QuantMatrix</c>): one PQ code per row, and when <c>qnorm</c>
/// is set the row norms are quantized separately by a 1-d quantizer and multiplied back in.
/// File layout: bool qnorm, int64 m, int64 n, int32 codesize, codes, PQ, [norm codes (m bytes), norm PQ].
/// </summary>
internal sealed class QuantMatrix : IFastTextMatrix
{
    private readonly byte[] _codes;
    private readonly ProductQuantizer _pq;
    private readonly byte[]? _normCodes;
    private readonly ProductQuantizer? _npq;

    private QuantMatrix(long rows, long cols, byte[] codes, ProductQuantizer pq, byte[]? normCodes, ProductQuantizer? npq)
    {
        Rows = rows;
        Cols = cols;
        _codes = codes;
        _pq = pq;
        _normCodes = normCodes;
        _npq = npq;
    }

    public long Rows { get; }
    public long Cols { get; }
    public bool IsQuantized => true;
    public bool QuantizedNorm => _normCodes is not null;

    private float Norm(long row) => _npq is null ? 1f : _npq.Centroids[_npq.CentroidOffset(0, _normCodes![row])];

    public void AddRowTo(Span<float> x, long row) => _pq.AddCode(x, _codes, row, Norm(row));

    public float DotRow(ReadOnlySpan<float> x, long row) => _pq.MulCode(x, _codes, row, Norm(row));

    /// <summary>
    /// Decodes every row once. Adding a decoded row performs the same float operations
    /// (alpha×c rounded, then added) as decoding on the fly, so predictions do not change.
    /// </summary>
    public DenseMatrix ToDense()
    {
        var dense = new DenseMatrix(Rows, Cols);
        for (long i = 0; i < Rows; i++)
            AddRowTo(dense.Row(i), i);
        return dense;
    }

    internal static QuantMatrix Read(ref FastTextReader r)
    {
        bool qnorm = r.ReadBool();
        long m = r.ReadInt64();
        long n = r.ReadInt64();
        int codeSize = r.ReadInt32();
        if (m < 0 || n <= 0 || codeSize < 0)
            r.Fail($"quantized matrix {m}x{n} with {codeSize} code bytes");
        var codes = r.ReadBytes(codeSize).ToArray();
        var pq = ProductQuantizer.Read(ref r);
        if (pq.Dim != n || (long)pq.Nsubq * m != codeSize)
            r.Fail($"quantizer for dim {pq.Dim}×{pq.Nsubq} sub-vectors does not fit a {m}x{n} matrix with {codeSize} code bytes");
        byte[]? normCodes = null;
        ProductQuantizer? npq = null;
        if (qnorm)
        {
            normCodes = r.ReadBytes(checked((int)m)).ToArray();
            npq = ProductQuantizer.Read(ref r);
        }
        return new QuantMatrix(m, n, codes, pq, normCodes, npq);
    }

    public void Write(BinaryWriter w)
    {
        w.Write(_normCodes is not null);
        w.Write(Rows);
        w.Write(Cols);
        w.Write(_codes.Length);
        w.Write(_codes);
        _pq.Write(w);
        if (_normCodes is not null)
        {
            w.Write(_normCodes);
            _npq!.Write(w);
        }
    }
}
