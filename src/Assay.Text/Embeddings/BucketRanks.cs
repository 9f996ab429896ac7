using System.Numerics;

namespace Assay.Text.Embeddings;

/// <summary>
/// Bucket → row for the kept buckets (rows numbered in ascending bucket order): a bitset plus a
/// running count per 64-bit word, so a lookup is one word, one prefix and a popcount. At 2^20
/// buckets that is 192 KB, which stays in L2, where an int per bucket (4 MB) would miss on most lookups.
/// </summary>
internal sealed class BucketRanks
{
    private readonly ulong[] _bits;
    private readonly int[] _before;

    /// <param name="sortedBuckets">kept buckets, strictly ascending</param>
    public BucketRanks(int buckets, ReadOnlySpan<int> sortedBuckets)
    {
        _bits = new ulong[(buckets + 63) / 64];
        int prev = -1;
        foreach (int b in sortedBuckets)
        {
            if (b <= prev || (uint)b >= (uint)buckets) throw new InvalidDataException($"kept buckets must be ascending and below {buckets}; got {b} after {prev}");
            _bits[b >> 6] |= 1UL << (b & 63);
            prev = b;
        }
        _before = new int[_bits.Length];
        int total = 0;
        for (int w = 0; w < _bits.Length; w++) { _before[w] = total; total += BitOperations.PopCount(_bits[w]); }
    }

    /// <summary>The row of <paramref name="bucket"/>, or −1 when it was not kept.</summary>
    public int RowOf(int bucket)
    {
        ulong word = _bits[bucket >> 6];
        ulong bit = 1UL << (bucket & 63);
        return (word & bit) == 0 ? -1 : _before[bucket >> 6] + BitOperations.PopCount(word & (bit - 1));
    }
}
