namespace Assay.Text.Bpe;

/// <summary>
/// tiktoken's byte-pair merge for one piece: repeatedly merge the adjacent pair whose joined bytes
/// have the lowest rank, the leftmost on ties, until no adjacent pair is a token. Short pieces use
/// the array scan of tiktoken's Rust core; long ones (huge white-space or symbol runs) a heap over
/// a linked list, which makes the same choices in O(n log n) instead of O(n²).
/// </summary>
internal static class BytePairMerger
{
    // Above this many bytes the heap version wins; tests pass other values to compare the two paths.
    internal const int HeapThreshold = 128;

    public static void Merge<TSink>(ReadOnlySpan<byte> piece, ByteRankMap ranks, ref TSink sink, int heapThreshold = HeapThreshold)
        where TSink : struct, ITokenSink
    {
        if (piece.Length == 1) { sink.Add(RankOf(piece, ranks)); return; }
        if (piece.Length > heapThreshold) { MergeWithHeap(piece, ranks, ref sink); return; }

        // starts[k]: byte offset of part k; pairRank[k]: rank of parts k and k+1 joined.
        Span<int> starts = stackalloc int[piece.Length + 1];
        Span<int> pairRank = stackalloc int[piece.Length + 1];
        var n = piece.Length + 1;   // parts plus the end sentinel
        for (var k = 0; k < n; k++) starts[k] = k;
        for (var k = 0; k < n - 2; k++) pairRank[k] = PairRank(piece, starts, k, n, ranks);

        while (n > 2)
        {
            var best = int.MaxValue;
            var bestK = -1;
            for (var k = 0; k < n - 2; k++)
                if (pairRank[k] < best) { best = pairRank[k]; bestK = k; }
            if (bestK < 0) break;

            // Drop boundary bestK+1, then refresh the two pair ranks that involved it.
            starts.Slice(bestK + 2, n - bestK - 2).CopyTo(starts.Slice(bestK + 1));
            pairRank.Slice(bestK + 2, n - bestK - 2).CopyTo(pairRank.Slice(bestK + 1));
            n--;
            if (bestK > 0) pairRank[bestK - 1] = PairRank(piece, starts, bestK - 1, n, ranks);
            if (bestK < n - 2) pairRank[bestK] = PairRank(piece, starts, bestK, n, ranks);
        }
        for (var k = 0; k < n - 1; k++)
            sink.Add(RankOf(piece[starts[k]..starts[k + 1]], ranks));
    }

    private static int PairRank(ReadOnlySpan<byte> piece, Span<int> starts, int k, int n, ByteRankMap ranks) =>
        k + 2 < n && ranks.TryGetRank(piece[starts[k]..starts[k + 2]], out var r) ? r : int.MaxValue;

    private static int RankOf(ReadOnlySpan<byte> part, ByteRankMap ranks)
    {
        // Loading checks that every single byte is a token, and merged parts had a rank when merged.
        if (!ranks.TryGetRank(part, out var r)) ThrowMissing(part.Length);
        return r;
    }

    private static void ThrowMissing(int length) =>
        throw new InvalidOperationException($"A {length}-byte part has no rank; the vocabulary lacks single-byte tokens.");

    private static void MergeWithHeap<TSink>(ReadOnlySpan<byte> piece, ByteRankMap ranks, ref TSink sink)
        where TSink : struct, ITokenSink
    {
        // Node k is the part that starts at byte k; it keeps that start for life, so (rank, start)
        // orders the heap exactly like the leftmost-lowest scan. Stale entries are skipped on pop.
        var len = piece.Length;
        var next = new int[len];
        var prev = new int[len];
        var rank = new int[len];
        var heap = new PriorityQueue<int, long>(len);
        for (var k = 0; k < len; k++)
        {
            next[k] = k + 1;
            prev[k] = k - 1;
        }
        for (var k = 0; k < len; k++)
        {
            rank[k] = NodePairRank(piece, next, k, ranks);
            if (rank[k] != int.MaxValue) heap.Enqueue(k, ((long)rank[k] << 32) | (uint)k);
        }
        while (heap.TryDequeue(out var k, out var key))
        {
            var r = (int)(key >> 32);
            if (next[k] < 0 || rank[k] != r) continue;   // node merged away, or pair changed since enqueued
            var gone = next[k];
            next[k] = next[gone];
            if (next[k] < len) prev[next[k]] = k;
            next[gone] = -1;
            rank[k] = NodePairRank(piece, next, k, ranks);
            if (rank[k] != int.MaxValue) heap.Enqueue(k, ((long)rank[k] << 32) | (uint)k);
            var p = prev[k];
            if (p >= 0)
            {
                rank[p] = NodePairRank(piece, next, p, ranks);
                if (rank[p] != int.MaxValue) heap.Enqueue(p, ((long)rank[p] << 32) | (uint)p);
            }
        }
        for (var k = 0; k < len; k = next[k])
            sink.Add(RankOf(piece[k..next[k]], ranks));
    }

    private static int NodePairRank(ReadOnlySpan<byte> piece, int[] next, int k, ByteRankMap ranks)
    {
        var b = next[k];
        if (b >= piece.Length) return int.MaxValue;
        var e = next[b];
        return ranks.TryGetRank(piece[k..e], out var r) ? r : int.MaxValue;
    }
}
