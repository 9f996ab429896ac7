using System.Runtime.CompilerServices;

namespace Assay.Text.Bpe;

/// <summary>
/// Remembers the ids of recently merged pieces (pieces that are not a token themselves), so a
/// rare word that repeats in a document is merged once. Direct-mapped: a slot holds one immutable
/// entry and a newer piece with the same slot replaces it. Reads and writes are single reference
/// loads and stores, so encodings can be shared between threads without locks.
/// </summary>
internal sealed class MergeCache
{
    private sealed class Entry(byte[] key, int[] ids)
    {
        public readonly byte[] Key = key;
        public readonly int[] Ids = ids;
    }

    private const int Slots = 1 << 16;

    /// <summary>Pieces longer than this are not cached: rare, and they would pin memory.</summary>
    public const int MaxKeyLength = 64;

    private readonly Entry?[] _entries = new Entry?[Slots];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int[]? Get(ReadOnlySpan<byte> key)
    {
        var e = Volatile.Read(ref _entries[Slot(key)]);
        return e is not null && e.Key.AsSpan().SequenceEqual(key) ? e.Ids : null;
    }

    public void Set(ReadOnlySpan<byte> key, int[] ids) =>
        Volatile.Write(ref _entries[Slot(key)], new Entry(key.ToArray(), ids));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(ReadOnlySpan<byte> key) => (int)ByteRankMap.Hash(key) & (Slots - 1);
}
