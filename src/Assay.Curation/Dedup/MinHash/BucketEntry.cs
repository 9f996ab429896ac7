using System.Runtime.InteropServices;

namespace Assay.Curation.Dedup;

/// <summary>One document's key in one LSH band; sorted by (band, key, doc).</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct BucketEntry(ulong Key, int Band, int Doc) : IComparable<BucketEntry>
{
    public int CompareTo(BucketEntry other)
    {
        int c = Band.CompareTo(other.Band);
        if (c != 0)
            return c;
        c = Key.CompareTo(other.Key);
        return c != 0 ? c : Doc.CompareTo(other.Doc);
    }

    public bool SameBucket(BucketEntry other) => Band == other.Band && Key == other.Key;
}
