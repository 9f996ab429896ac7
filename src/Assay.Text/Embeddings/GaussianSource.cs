namespace Assay.Text.Embeddings;

/// <summary>
/// Deterministic standard normal draws: SplitMix64 (Steele et al. 2014) feeding Box–Muller, so a
/// seed gives the same test matrix on every platform and runtime (System.Random promises neither).
/// </summary>
internal sealed class GaussianSource(ulong seed)
{
    private ulong _state = seed;
    private double _spare;
    private bool _hasSpare;

    public double Next()
    {
        if (_hasSpare) { _hasSpare = false; return _spare; }
        double u1 = (NextUInt64() >> 11) * (1.0 / (1UL << 53));
        double u2 = (NextUInt64() >> 11) * (1.0 / (1UL << 53));
        double r = Math.Sqrt(-2 * Math.Log(1 - u1));
        _spare = r * Math.Sin(2 * Math.PI * u2);
        _hasSpare = true;
        return r * Math.Cos(2 * Math.PI * u2);
    }

    private ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
