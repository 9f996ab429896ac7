namespace Assay.Valuation.Methods;

/// <summary>
/// Per-sample random streams derived from the user's seed by SplitMix64, so sample s draws the same
/// numbers whichever thread runs it and in whatever order: sampled results do not depend on threads.
/// </summary>
internal static class Seeds
{
    public static Random For(int seed, long stream)
    {
        ulong z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)stream * 0xBF58476D1CE4E5B9UL + 0x94D049BB133111EBUL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return new Random((int)(z ^ (z >> 32)));
    }

    public static int[] Permutation(Random rng, int n)
    {
        var p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        rng.Shuffle(p);
        return p;
    }
}
