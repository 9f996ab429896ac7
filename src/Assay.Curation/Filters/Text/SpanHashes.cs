namespace Assay.Curation.Filters.Text;

/// <summary>
/// Prefix polynomial hashes of a sequence so that the hash of any slice is O(1):
/// h(a..b) = P[b] − P[a]·B^(b−a) (mod 2^61−1). Equal slices always hash equal; different slices
/// collide with probability about len/2^61, which is what lets the repetition measures count
/// duplicates without building a string per n-gram. Buffers are reused between documents.
/// </summary>
internal sealed class SpanHashes
{
    private const ulong Base = 0x1F3D_5B79_A3C4_E1F7UL % Mersenne61.Modulus;
    private ulong[] _prefix = new ulong[1024];
    private ulong[] _power = new ulong[1024];
    public int Length { get; private set; }

    public void Build(ReadOnlySpan<char> values)
    {
        Ensure(values.Length + 1);
        _prefix[0] = 0;
        _power[0] = 1;
        for (int i = 0; i < values.Length; i++)
        {
            _prefix[i + 1] = Mersenne61.Reduce(Mersenne61.Mul(_prefix[i], Base) + values[i] + 1UL);
            _power[i + 1] = Mersenne61.Mul(_power[i], Base);
        }
        Length = values.Length;
    }

    public void Build(ReadOnlySpan<ulong> values)
    {
        Ensure(values.Length + 1);
        _prefix[0] = 0;
        _power[0] = 1;
        for (int i = 0; i < values.Length; i++)
        {
            _prefix[i + 1] = Mersenne61.Reduce(Mersenne61.Mul(_prefix[i], Base) + Mersenne61.Reduce(values[i]) + 1UL);
            _power[i + 1] = Mersenne61.Mul(_power[i], Base);
        }
        Length = values.Length;
    }

    /// <summary>Hash of the slice [start, end); mixed with the slice length so "" and other empties differ by length.</summary>
    public ulong Slice(int start, int end)
    {
        ulong h = Mersenne61.Sub(_prefix[end], Mersenne61.Mul(_prefix[start], _power[end - start]));
        return h ^ ((ulong)(end - start) * 0x9E37_79B9_7F4A_7C15UL);
    }

    private void Ensure(int n)
    {
        if (_prefix.Length >= n) return;
        int size = Math.Max(n, _prefix.Length * 2);
        _prefix = new ulong[size];
        _power = new ulong[size];
    }
}
