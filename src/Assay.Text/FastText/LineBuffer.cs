namespace Assay.Text.FastText;

/// <summary>
/// Reusable scratch for turning one line into input rows: row ids, word hashes (for word n-grams),
/// label ids and the bytes of the current token wrapped in <c>&lt;</c> <c>&gt;</c>. One per thread;
/// nothing here allocates per token once the arrays have grown.
/// </summary>
internal sealed class LineBuffer
{
    public int[] Ids = new int[256];
    public int IdCount;
    public int[] Hashes = new int[64];
    public int HashCount;
    public int[] Labels = new int[4];
    public int LabelCount;
    public byte[] Word = new byte[64];

    public ReadOnlySpan<int> IdSpan => Ids.AsSpan(0, IdCount);
    public ReadOnlySpan<int> LabelSpan => Labels.AsSpan(0, LabelCount);

    public void Clear()
    {
        IdCount = 0;
        HashCount = 0;
        LabelCount = 0;
    }

    public void AddId(int id)
    {
        if (IdCount == Ids.Length)
            Array.Resize(ref Ids, Ids.Length * 2);
        Ids[IdCount++] = id;
    }

    public void AddIds(ReadOnlySpan<int> ids)
    {
        if (IdCount + ids.Length > Ids.Length)
            Array.Resize(ref Ids, Math.Max(Ids.Length * 2, IdCount + ids.Length));
        ids.CopyTo(Ids.AsSpan(IdCount));
        IdCount += ids.Length;
    }

    public void AddHash(int h)
    {
        if (HashCount == Hashes.Length)
            Array.Resize(ref Hashes, Hashes.Length * 2);
        Hashes[HashCount++] = h;
    }

    public void AddLabel(int label)
    {
        if (LabelCount == Labels.Length)
            Array.Resize(ref Labels, Labels.Length * 2);
        Labels[LabelCount++] = label;
    }

    /// <summary>Returns a buffer of at least <paramref name="length"/> bytes for the bracketed token.</summary>
    public byte[] WordBuffer(int length)
    {
        if (Word.Length < length)
            Word = new byte[Math.Max(length, Word.Length * 2)];
        return Word;
    }
}
