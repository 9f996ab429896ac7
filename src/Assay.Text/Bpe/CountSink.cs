namespace Assay.Text.Bpe;

/// <summary>Counts ids without storing them.</summary>
internal struct CountSink : ITokenSink
{
    public int Count;

    public void Add(int token) => Count++;
}
