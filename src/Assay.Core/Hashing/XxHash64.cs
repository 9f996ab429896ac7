using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace Assay.Core.Hashing;

/// <summary>
/// xxHash64 (Yann Collet, XXH64 spec). Used for ids, sharding and sampling so results never
/// depend on the runtime's randomized string hash. Verified against the reference vectors.
/// </summary>
public static class XxHash64
{
    private const ulong P1 = 11400714785074694791UL;
    private const ulong P2 = 14029467366897019727UL;
    private const ulong P3 = 1609587929392839161UL;
    private const ulong P4 = 9650029242287828579UL;
    private const ulong P5 = 2870177450012600261UL;

    public static ulong Hash(ReadOnlySpan<byte> data, ulong seed = 0)
    {
        int len = data.Length;
        int i = 0;
        ulong h;
        if (len >= 32)
        {
            ulong v1 = seed + P1 + P2, v2 = seed + P2, v3 = seed, v4 = seed - P1;
            int limit = len - 32;
            do
            {
                v1 = Round(v1, BinaryPrimitives.ReadUInt64LittleEndian(data[i..]));
                v2 = Round(v2, BinaryPrimitives.ReadUInt64LittleEndian(data[(i + 8)..]));
                v3 = Round(v3, BinaryPrimitives.ReadUInt64LittleEndian(data[(i + 16)..]));
                v4 = Round(v4, BinaryPrimitives.ReadUInt64LittleEndian(data[(i + 24)..]));
                i += 32;
            } while (i <= limit);
            h = BitOperations.RotateLeft(v1, 1) + BitOperations.RotateLeft(v2, 7)
              + BitOperations.RotateLeft(v3, 12) + BitOperations.RotateLeft(v4, 18);
            h = MergeRound(h, v1); h = MergeRound(h, v2); h = MergeRound(h, v3); h = MergeRound(h, v4);
        }
        else
        {
            h = seed + P5;
        }
        h += (ulong)len;
        while (i + 8 <= len)
        {
            h ^= Round(0, BinaryPrimitives.ReadUInt64LittleEndian(data[i..]));
            h = BitOperations.RotateLeft(h, 27) * P1 + P4;
            i += 8;
        }
        if (i + 4 <= len)
        {
            h ^= BinaryPrimitives.ReadUInt32LittleEndian(data[i..]) * P1;
            h = BitOperations.RotateLeft(h, 23) * P2 + P3;
            i += 4;
        }
        while (i < len)
        {
            h ^= data[i] * P5;
            h = BitOperations.RotateLeft(h, 11) * P1;
            i++;
        }
        return Avalanche(h);
    }

    /// <summary>Hash of the UTF-8 bytes of <paramref name="text"/>, without allocating for short strings.</summary>
    public static ulong HashString(string text, ulong seed = 0)
    {
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (max <= 512)
        {
            Span<byte> buf = stackalloc byte[max];
            int n = Encoding.UTF8.GetBytes(text, buf);
            return Hash(buf[..n], seed);
        }
        return Hash(Encoding.UTF8.GetBytes(text), seed);
    }

    /// <summary>Hash of one 64-bit value, for mixing keys (same as hashing its 8 little-endian bytes).</summary>
    public static ulong HashUInt64(ulong value, ulong seed = 0)
    {
        ulong h = seed + P5 + 8;
        h ^= Round(0, value);
        h = BitOperations.RotateLeft(h, 27) * P1 + P4;
        return Avalanche(h);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Round(ulong acc, ulong input)
    {
        acc += input * P2;
        acc = BitOperations.RotateLeft(acc, 31);
        return acc * P1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MergeRound(ulong acc, ulong val)
    {
        acc ^= Round(0, val);
        return acc * P1 + P4;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Avalanche(ulong h)
    {
        h ^= h >> 33; h *= P2;
        h ^= h >> 29; h *= P3;
        h ^= h >> 32;
        return h;
    }
}
