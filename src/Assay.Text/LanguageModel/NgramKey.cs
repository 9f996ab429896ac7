using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Assay.Core.Hashing;

namespace Assay.Text.LanguageModel;

/// <summary>
/// Up to <see cref="MaxOrder"/> word ids, oldest first; unused slots hold -1. A value type so a
/// table of n-grams is one flat array of keys, hashed with xxHash64 over its 20 bytes.
/// </summary>
internal struct NgramKey : IEquatable<NgramKey>, IComparable<NgramKey>
{
    public const int MaxOrder = 5;

    private Ids _ids;

    [InlineArray(MaxOrder)]
    private struct Ids
    {
        private int _e0;
    }

    public static NgramKey From(ReadOnlySpan<int> words)
    {
        if (words.Length is 0 or > MaxOrder) throw new ArgumentOutOfRangeException(nameof(words), $"an n-gram has 1..{MaxOrder} words");
        var k = default(NgramKey);
        Span<int> s = k._ids;
        s.Fill(-1);
        words.CopyTo(s);
        return k;
    }

    public readonly int Length
    {
        get
        {
            ReadOnlySpan<int> s = _ids;
            int n = s.IndexOf(-1);
            return n < 0 ? MaxOrder : n;
        }
    }

    public readonly int this[int i] => ((ReadOnlySpan<int>)_ids)[i];

    /// <summary>Copies the words in use into <paramref name="destination"/>; returns how many.</summary>
    public readonly int CopyTo(Span<int> destination)
    {
        int n = Length;
        ((ReadOnlySpan<int>)_ids)[..n].CopyTo(destination);
        return n;
    }

    /// <summary>All but the first word (the lower-order n-gram KN backs off to).</summary>
    public readonly NgramKey Suffix()
    {
        Span<int> w = stackalloc int[MaxOrder];
        int n = CopyTo(w);
        return From(w[1..n]);
    }

    /// <summary>All but the last word (the context).</summary>
    public readonly NgramKey Prefix()
    {
        Span<int> w = stackalloc int[MaxOrder];
        int n = CopyTo(w);
        return From(w[..(n - 1)]);
    }

    public readonly bool Equals(NgramKey other) => ((ReadOnlySpan<int>)_ids).SequenceEqual(other._ids);

    public override readonly bool Equals(object? obj) => obj is NgramKey k && Equals(k);

    public override readonly int GetHashCode()
    {
        ReadOnlySpan<int> s = _ids;
        return (int)XxHash64.Hash(MemoryMarshal.AsBytes(s));
    }

    /// <summary>Lexicographic by word id (what sorted runs and their merge use).</summary>
    public readonly int CompareTo(NgramKey other) => ((ReadOnlySpan<int>)_ids).SequenceCompareTo(other._ids);
}
