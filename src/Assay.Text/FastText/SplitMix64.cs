namespace Assay.Text.FastText;

/// <summary>Small seeded generator so training is reproducible across runtimes (no hidden global randomness).</summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1) with 24 bits, exactly representable as float.</summary>
    public float NextFloat() => (Next() >> 40) * (1f / (1 << 24));

    public int NextInt(int maxExclusive) => (int)((Next() >> 33) % (ulong)maxExclusive);
}
