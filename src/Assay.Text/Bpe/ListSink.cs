namespace Assay.Text.Bpe;

/// <summary>Appends ids to a list.</summary>
internal readonly struct ListSink(List<int> list) : ITokenSink
{
    public void Add(int token) => list.Add(token);
}
