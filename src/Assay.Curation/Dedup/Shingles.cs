using Assay.Core.Hashing;

namespace Assay.Curation.Dedup;

/// <summary>
/// Word n-gram shingles over <see cref="NormalizedWords"/>. A shingle's hash is xxHash64 (seeded)
/// of the UTF-8 bytes of its n normalized words joined by single spaces; a text with fewer than
/// n words (but at least one) is a single shingle of all its words, as text-dedup and datatrove do,
/// so short documents still get a signature. An empty text has no shingles.
/// </summary>
internal static class Shingles
{
    /// <summary>Number of shingles <see cref="Hash"/> writes for a text of <paramref name="words"/> words.</summary>
    public static int CountFor(int words, int n) => words == 0 ? 0 : Math.Max(1, words - n + 1);

    /// <summary>Writes the shingle hashes into <paramref name="buffer"/> (grown if needed); returns how many.</summary>
    public static int Hash(NormalizedWords words, int n, ulong seed, ref ulong[] buffer)
    {
        int count = CountFor(words.Count, n);
        if (buffer.Length < count)
            buffer = new ulong[Math.Max(count, buffer.Length * 2)];
        if (count == 0)
            return 0;
        int width = Math.Min(n, words.Count);
        var span = buffer.AsSpan(0, count);
        for (int i = 0; i < span.Length; i++)
            span[i] = XxHash64.Hash(words.Span(i, width), seed);
        return count;
    }

    /// <summary>The distinct shingle hashes of a text (for exact Jaccard).</summary>
    public static HashSet<ulong> Set(NormalizedWords words, int n, ulong seed)
    {
        ulong[] buffer = new ulong[Math.Max(1, CountFor(words.Count, n))];
        int count = Hash(words, n, seed, ref buffer);
        var set = new HashSet<ulong>(count);
        for (int i = 0; i < count; i++)
            set.Add(buffer[i]);
        return set;
    }

    /// <summary>|A ∩ B| / |A ∪ B|; two empty sets are identical (1).</summary>
    public static double Jaccard(HashSet<ulong> a, HashSet<ulong> b)
    {
        if (a.Count == 0 && b.Count == 0)
            return 1.0;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        int inter = 0;
        foreach (ulong h in small)
        {
            if (large.Contains(h))
                inter++;
        }
        return inter / (double)(a.Count + b.Count - inter);
    }
}
