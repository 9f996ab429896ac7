using System.Text;

namespace Assay.Text.Bpe;

/// <summary>
/// Trains a byte-level BPE whose output tiktoken's algorithm (and <see cref="TiktokenEncoding"/>)
/// can run: texts are split with the pattern, identical pieces counted once with a weight, and
/// adjacent token pairs merged most-frequent first until the vocabulary has the size asked for.
/// <para>
/// Ties: among pairs with the same count, the one whose left token has the smaller id wins, then
/// the smaller right id; ids are creation order, so older (shorter-lived) tokens go first and the
/// result never depends on hash order. A pair must occur at least twice to be merged.
/// </para>
/// <para>
/// Counting is incremental: each merge visits only the pieces that contain the chosen pair, and
/// changes pair counts by what those pieces lost and gained; a lazy max-heap holds the counts.
/// </para>
/// </summary>
public static class BpeTrainer
{
    /// <summary>Pairs seen fewer times than this are never merged.</summary>
    public const int MinPairCount = 2;

    public static BpeVocabulary Train(
        IEnumerable<string> texts,
        int vocabSize,
        string pattern = TiktokenPatterns.Cl100k,
        IReadOnlyList<string>? specialTokens = null,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabSize, 256);
        ArgumentNullException.ThrowIfNull(pattern);
        specialTokens ??= [];

        var (words, counts) = CountPieces(texts, new PieceSplitter(pattern), cancellationToken);
        var state = new TrainingState(words, counts);
        var merges = state.Run(vocabSize, progress, cancellationToken);
        return new BpeVocabulary(pattern, [.. state.Tokens], merges, specialTokens);
    }

    /// <summary>The distinct pieces (as byte symbols) and how often each occurs.</summary>
    private static (List<int[]> Words, List<long> Counts) CountPieces(IEnumerable<string> texts, PieceSplitter splitter, CancellationToken ct)
    {
        // Keyed by the piece's UTF-8 bytes (one Latin-1 char per byte), so pieces that differ only in
        // which lone surrogate they had, and so share bytes, are one word.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new List<int[]>();
        var counts = new List<long>();
        var ranges = new List<Range>();
        var buffer = new byte[1024];
        foreach (var text in texts)
        {
            ct.ThrowIfCancellationRequested();
            ranges.Clear();
            splitter.Split(text, ranges);
            foreach (var r in ranges)
            {
                var piece = text.AsSpan()[r];
                if (buffer.Length < piece.Length * 3) buffer = new byte[piece.Length * 3];
                var n = Encoding.UTF8.GetBytes(piece, buffer);
                var key = Encoding.Latin1.GetString(buffer, 0, n);
                if (index.TryGetValue(key, out var w)) { counts[w]++; continue; }
                index.Add(key, words.Count);
                var symbols = new int[n];
                for (var i = 0; i < n; i++) symbols[i] = buffer[i];
                words.Add(symbols);
                counts.Add(1);
            }
        }
        return (words, counts);
    }
}
