namespace Assay.Curation.Filters.Text;

/// <summary>
/// The words of one document as one flat char buffer plus start offsets (no string per token):
/// token <c>i</c> is <c>Chars[Starts[i]..Starts[i+1]]</c>. Reused between documents by its owner.
/// The buffer is the tokens concatenated without separators, which is exactly the string
/// datatrove's <c>"".join(words[i:i+n])</c> builds, so n-gram hashing works on it directly.
/// </summary>
public sealed class WordTokens
{
    private char[] _chars = new char[1024];
    private int[] _starts = new int[256];
    private int _charCount;

    public int Count { get; private set; }

    public ReadOnlySpan<char> Chars => _chars.AsSpan(0, _charCount);

    /// <summary>Offsets into <see cref="Chars"/>: Count + 1 entries, the last one is the end.</summary>
    public ReadOnlySpan<int> Starts => _starts.AsSpan(0, Count + 1);

    public ReadOnlySpan<char> this[int index] => _chars.AsSpan(_starts[index], _starts[index + 1] - _starts[index]);

    public int LengthOf(int index) => _starts[index + 1] - _starts[index];

    public void Clear()
    {
        Count = 0;
        _charCount = 0;
        _starts[0] = 0;
    }

    public void Add(ReadOnlySpan<char> token)
    {
        if (token.IsEmpty) return;
        if (_charCount + token.Length > _chars.Length)
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + token.Length));
        if (Count + 2 > _starts.Length)
            Array.Resize(ref _starts, _starts.Length * 2);
        token.CopyTo(_chars.AsSpan(_charCount));
        _charCount += token.Length;
        Count++;
        _starts[Count] = _charCount;
    }

    /// <summary>The tokens as strings, for tests and debugging only.</summary>
    public string[] ToArray()
    {
        var result = new string[Count];
        for (int i = 0; i < Count; i++) result[i] = this[i].ToString();
        return result;
    }
}
