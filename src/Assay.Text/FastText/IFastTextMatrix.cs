namespace Assay.Text.FastText;

/// <summary>The two matrix kinds fastText stores (dense and product-quantized), as the model uses them.</summary>
internal interface IFastTextMatrix
{
    long Rows { get; }
    long Cols { get; }
    bool IsQuantized { get; }

    /// <summary>x += row(i), element by element in column order, as fastText's <c>addRowToVector</c>.</summary>
    void AddRowTo(Span<float> x, long row);

    /// <summary>Sequential float dot product, as fastText's <c>dotRow</c> (kept scalar so probabilities match).</summary>
    float DotRow(ReadOnlySpan<float> x, long row);

    void Write(BinaryWriter w);
}
