using System.Runtime.CompilerServices;

namespace Assay.Text.FastText;

/// <summary>
/// fastText's string hash: 32-bit FNV-1a, except each byte goes through <c>int8_t</c> first, so
/// bytes ≥ 0x80 are sign-extended before the xor (a quirk models depend on for non-ASCII text).
/// </summary>
internal static class FastTextHash
{
    public const uint Seed = 2166136261;
    public const uint Prime = 16777619;

    public static uint Hash(ReadOnlySpan<byte> s)
    {
        uint h = Seed;
        foreach (byte b in s)
            h = Step(h, b);
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Step(uint h, byte b) => (h ^ (uint)(sbyte)b) * Prime;

    /// <summary>Word n-gram combination from <c>Dictionary::addWordNgrams</c>: int32 hashes sign-extended into a uint64.</summary>
    public const ulong WordNgramMultiplier = 116049371;
}
