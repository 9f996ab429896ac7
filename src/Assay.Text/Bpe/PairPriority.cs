namespace Assay.Text.Bpe;

/// <summary>Heap order of candidate merges: higher count first, then smaller left id, then smaller right id.</summary>
internal readonly record struct PairPriority(long Count, int Left, int Right)
{
    public static readonly IComparer<PairPriority> Comparer = Comparer<PairPriority>.Create(static (a, b) =>
    {
        var c = b.Count.CompareTo(a.Count);
        if (c != 0) return c;
        c = a.Left.CompareTo(b.Left);
        return c != 0 ? c : a.Right.CompareTo(b.Right);
    });
}
