using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace Assay.Text.Bpe;

public sealed partial class TiktokenEncoding
{
    /// <summary>
    /// Encodes like js-tiktoken's <c>encode(text)</c>: special-token text is not allowed and throws.
    /// Use <see cref="EncodeOrdinary(ReadOnlySpan{char})"/> to treat it as plain text.
    /// </summary>
    public int[] Encode(string text) => Encode(text, []);

    /// <summary>
    /// Encodes like js-tiktoken's <c>encode(text, allowedSpecial, disallowedSpecial)</c>: occurrences of
    /// <paramref name="allowedSpecial"/> become their special ids; any of <paramref name="disallowedSpecial"/>
    /// (default: every special token not allowed) in the text throws <see cref="InvalidOperationException"/>.
    /// </summary>
    public int[] Encode(string text, IReadOnlyCollection<string> allowedSpecial, IReadOnlyCollection<string>? disallowedSpecial = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(allowedSpecial);
        var disallowed = disallowedSpecial ?? _specialOrder.Where(s => !allowedSpecial.Contains(s)).ToArray();
        foreach (var d in disallowed)
            if (d.Length > 0 && text.Contains(d, StringComparison.Ordinal))
                throw new InvalidOperationException($"The text contains a special token that is not allowed: {d}");
        var output = new List<int>(text.Length / 3 + 4);
        var sink = new ListSink(output);
        if (allowedSpecial.Count == 0) { EncodeOrdinaryCore(text, ref sink); return [.. output]; }

        var start = 0;
        while (true)
        {
            // The next special token js-tiktoken's regex would find: leftmost, first in file order
            // at that position; one that is not allowed is text, and the search goes on after its start.
            var from = start;
            string? special;
            int at;
            while (true)
            {
                (special, at) = NextSpecial(text, from);
                if (special is null || allowedSpecial.Contains(special)) break;
                from = at + 1;
            }
            var end = special is null ? text.Length : at;
            EncodeOrdinaryCore(text.AsSpan(start, end - start), ref sink);
            if (special is null) break;
            output.Add(_special[special]);
            start = at + special.Length;
        }
        return [.. output];
    }

    private (string? Special, int At) NextSpecial(string text, int from)
    {
        string? best = null;
        var bestAt = int.MaxValue;
        foreach (var s in _specialOrder)
        {
            if (s.Length == 0) continue;
            var i = text.IndexOf(s, from, StringComparison.Ordinal);
            if (i >= 0 && i < bestAt) { best = s; bestAt = i; }
        }
        return (best, bestAt);
    }

    /// <summary>Encodes treating special-token text as ordinary text.</summary>
    public int[] EncodeOrdinary(ReadOnlySpan<char> text)
    {
        var output = new List<int>(text.Length / 3 + 4);
        EncodeOrdinary(text, output);
        return [.. output];
    }

    /// <summary>Appends the ids of <paramref name="text"/> (special-token text as ordinary text) to <paramref name="output"/>.</summary>
    public void EncodeOrdinary(ReadOnlySpan<char> text, List<int> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var sink = new ListSink(output);
        EncodeOrdinaryCore(text, ref sink);
    }

    /// <summary>
    /// Encodes UTF-8 text (special-token text as ordinary text). Invalid UTF-8 is first replaced by
    /// U+FFFD, as a JS caller's TextDecoder would, so its bytes do not survive a round trip.
    /// </summary>
    public int[] EncodeOrdinary(ReadOnlySpan<byte> utf8)
    {
        var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(utf8.Length));
        try
        {
            var n = Encoding.UTF8.GetChars(utf8, chars);
            return EncodeOrdinary(chars.AsSpan(0, n));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Number of tokens <see cref="EncodeOrdinary(ReadOnlySpan{char})"/> would produce, without storing them.</summary>
    public int Count(ReadOnlySpan<char> text)
    {
        var sink = new CountSink();
        EncodeOrdinaryCore(text, ref sink);
        return sink.Count;
    }

    private void EncodeOrdinaryCore<TSink>(ReadOnlySpan<char> text, ref TSink sink) where TSink : struct, ITokenSink
    {
        switch (_scannerKind)
        {
            case ScannerKind.Cl100k: { var s = new Cl100kScanner(); Run(text, ref s, ref sink); break; }
            case ScannerKind.O200k: { var s = new O200kScanner(); Run(text, ref s, ref sink); break; }
            case ScannerKind.R50k: { var s = new R50kScanner(); Run(text, ref s, ref sink); break; }
            default: { var s = _regexScanner!; Run(text, ref s, ref sink); break; }
        }
    }

    private void MergeCached<TSink>(ReadOnlySpan<byte> bytes, ref TSink sink) where TSink : struct, ITokenSink
    {
        var ids = _mergeCache.Get(bytes);
        if (ids is null)
        {
            var list = new List<int>(bytes.Length);
            var listSink = new ListSink(list);
            BytePairMerger.Merge(bytes, _ranks, ref listSink);
            ids = [.. list];
            _mergeCache.Set(bytes, ids);
        }
        foreach (var id in ids) sink.Add(id);
    }

    private void Run<TScan, TSink>(ReadOnlySpan<char> text, ref TScan scanner, ref TSink sink)
        where TScan : IPieceScanner
        where TSink : struct, ITokenSink
    {
        // No try/finally here: locals live across a protected region are kept in memory by the JIT,
        // which costs more in this loop than an unreturned pool array would after an exception.
        const int stackBytes = 1024;
        Span<byte> stack = stackalloc byte[stackBytes];
        var pos = 0;
        while (pos < text.Length)
        {
            var end = scanner.NextEnd(text, pos);
            if (end < 0) { pos = ~end; continue; }
            var piece = text[pos..end];
            pos = end;
            if (piece.Length <= 8 && TryAsciiToken(piece, out var ascii)) { sink.Add(ascii); continue; }
            if (piece.Length * 3 > stackBytes) { EncodeLongPiece(piece, ref sink); continue; }
            // UTF-8 of the piece; lone surrogates become EF BF BD, as JS TextEncoder does.
            var bytes = stack[..Encoding.UTF8.GetBytes(piece, stack)];
            if (_ranks.TryGetRank(bytes, out var rank)) sink.Add(rank);
            else if (bytes.Length > MergeCache.MaxKeyLength) BytePairMerger.Merge(bytes, _ranks, ref sink);
            else MergeCached(bytes, ref sink);
        }
    }

    /// <summary>
    /// Most pieces are short ASCII words: pack their chars straight into the short-token key,
    /// skipping the UTF-8 transcoder. False for non-ASCII pieces and pieces that are no token.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryAsciiToken(ReadOnlySpan<char> piece, out int rank)
    {
        ulong packed = 0;
        for (var i = piece.Length - 1; i >= 0; i--)
        {
            var c = piece[i];
            if (c >= 0x80) { rank = 0; return false; }
            packed = (packed << 8) | c;
        }
        return _ranks.TryGetShort(packed, piece.Length, out rank);
    }

    private void EncodeLongPiece<TSink>(ReadOnlySpan<char> piece, ref TSink sink) where TSink : struct, ITokenSink
    {
        var rented = ArrayPool<byte>.Shared.Rent(piece.Length * 3);
        var bytes = rented.AsSpan(0, Encoding.UTF8.GetBytes(piece, rented));
        if (_ranks.TryGetRank(bytes, out var rank)) sink.Add(rank);
        else BytePairMerger.Merge(bytes, _ranks, ref sink);
        ArrayPool<byte>.Shared.Return(rented);
    }
}
