using System.Runtime.CompilerServices;

namespace Assay.Curation.Filters.Text;

/// <summary>
/// Arithmetic modulo the Mersenne prime 2^61−1 for polynomial (Karp–Rabin) hashes. A prime modulus
/// (unlike plain 2^64 wrap-around) keeps structured inputs such as Thue–Morse strings from colliding.
/// </summary>
internal static class Mersenne61
{
    public const ulong Modulus = (1UL << 61) - 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mul(ulong a, ulong b)
    {
        UInt128 p = (UInt128)a * b;
        ulong lo = (ulong)p & Modulus;
        ulong hi = (ulong)(p >> 61);
        return Reduce(lo + hi);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Reduce(ulong x)
    {
        x = (x & Modulus) + (x >> 61);
        return x >= Modulus ? x - Modulus : x;
    }

    /// <summary>a − b mod p for a, b already reduced.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Sub(ulong a, ulong b) => a >= b ? a - b : a + Modulus - b;
}
