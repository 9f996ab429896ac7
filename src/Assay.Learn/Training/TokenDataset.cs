namespace Assay.Learn.Training;

/// <summary>
/// A stream of token ids made by joining documents, each followed by an end-of-text id, from which
/// training windows are drawn. Window positions come from a counter-based generator keyed by
/// (seed, step, micro-step, row), so a resumed run draws exactly the windows it would have drawn.
/// </summary>
public sealed class TokenDataset
{
    private readonly int[] _tokens;

    public TokenDataset(int[] tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _tokens = tokens;
    }

    public int Length => _tokens.Length;
    public ReadOnlySpan<int> Tokens => _tokens;

    public static TokenDataset FromDocuments(IEnumerable<IReadOnlyList<int>> documents, int endOfText)
    {
        var all = new List<int>();
        foreach (var d in documents)
        {
            all.AddRange(d);
            all.Add(endOfText);
        }
        return new TokenDataset([.. all]);
    }

    /// <summary>
    /// Fills inputs (B, T) and targets (B, T) with random windows: targets are inputs shifted by one.
    /// </summary>
    public void Batch(long seed, int step, int microStep, int b, int t, Span<int> inputs, Span<int> targets)
    {
        if (_tokens.Length < t + 1)
            throw new InvalidOperationException($"The dataset has {_tokens.Length} tokens; windows of T={t} need at least {t + 1}.");
        int starts = _tokens.Length - t;
        for (int row = 0; row < b; row++)
        {
            ulong h = SplitMix((ulong)seed ^ SplitMix(((ulong)(uint)step << 32) | (uint)(microStep * 65536 + row)));
            int start = (int)(h % (ulong)starts);
            _tokens.AsSpan(start, t).CopyTo(inputs.Slice(row * t, t));
            _tokens.AsSpan(start + 1, t).CopyTo(targets.Slice(row * t, t));
        }
    }

    /// <summary>Fills (B, T) with consecutive windows starting at window index first (for evaluation in a fixed order).</summary>
    public int Sequential(int first, int b, int t, Span<int> inputs, Span<int> targets)
    {
        int windows = (_tokens.Length - 1) / t;
        if (windows == 0) throw new InvalidOperationException($"The dataset has {_tokens.Length} tokens; T={t} needs at least {t + 1}.");
        for (int row = 0; row < b; row++)
        {
            int start = (first + row) % windows * t;
            _tokens.AsSpan(start, t).CopyTo(inputs.Slice(row * t, t));
            _tokens.AsSpan(start + 1, t).CopyTo(targets.Slice(row * t, t));
        }
        return windows;
    }

    internal static ulong SplitMix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
