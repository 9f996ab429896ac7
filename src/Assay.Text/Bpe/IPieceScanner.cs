namespace Assay.Text.Bpe;

/// <summary>
/// Splits text into the pieces a tiktoken pattern matches, one at a time. Implementations
/// are structs so the encoder loop is specialised per pattern by the JIT (no virtual call per piece).
/// </summary>
internal interface IPieceScanner
{
    /// <summary>
    /// End (exclusive) of the piece that starts at <paramref name="start"/> (&lt; <c>text.Length</c>).
    /// A negative value <c>~next</c> means no piece starts there and scanning resumes at <c>next</c>
    /// (JS regex iteration skips unmatched code points; the tiktoken patterns never need it).
    /// </summary>
    int NextEnd(ReadOnlySpan<char> text, int start);
}
