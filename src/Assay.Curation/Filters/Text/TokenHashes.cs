namespace Assay.Curation.Filters.Text;

/// <summary>
/// Polynomial hashes (mod 2^61−1) of a tokenized text's chars, kept only at token boundaries:
/// <c>Concat(a, b)</c> is the hash of tokens a..b−1 concatenated without separator — exactly the hash of
/// that char string, so ["ab","c"] and ["a","bc"] agree as datatrove's <c>"".join</c> does — and
/// <c>Token(i)</c> identifies one token by content. Each token's chars are hashed as independent terms
/// Σ (c+1)·B^k (no multiply chain across the whole text), then chained once per token.
/// Collisions between different strings: probability about length/2^61 per pair.
/// </summary>
internal sealed class TokenHashes
{
    private const ulong Base = 0x1F3D_5B79_A3C4_E1F7UL % Mersenne61.Modulus;
    private const ulong Golden = 0x9E37_79B9_7F4A_7C15UL;

    private ulong[] _prefix = new ulong[256];  // per token boundary
    private ulong[] _tokens = new ulong[256];  // per token
    private ulong[] _power = [1];
    private int[] _starts = [];

    public ReadOnlySpan<ulong> Tokens => _tokens.AsSpan(0, Count);
    public int Count { get; private set; }

    public void Build(WordTokens words)
    {
        int n = words.Count;
        var chars = words.Chars;
        var starts = words.Starts;
        EnsurePowers(chars.Length + 1);
        if (_prefix.Length < n + 1) { _prefix = new ulong[Math.Max(n + 1, _prefix.Length * 2)]; _tokens = new ulong[_prefix.Length]; }
        if (_starts.Length < n + 1) _starts = new int[_prefix.Length];
        starts.CopyTo(_starts);
        var power = _power;
        ulong p = 0;
        _prefix[0] = 0;
        for (int k = 0; k < n; k++)
        {
            int s = starts[k], len = starts[k + 1] - s;
            ulong h = 0;
            for (int i = 0; i < len; i++)
                h = Mersenne61.Reduce(h + Mersenne61.Mul(chars[s + i] + 1UL, power[len - 1 - i]));
            _tokens[k] = h ^ ((ulong)len * Golden);
            p = Mersenne61.Reduce(Mersenne61.Mul(p, power[len]) + h);
            _prefix[k + 1] = p;
        }
        Count = n;
    }

    /// <summary>Hash of tokens [a, b) concatenated, mixed with the char length.</summary>
    public ulong Concat(int a, int b)
    {
        int len = _starts[b] - _starts[a];
        ulong h = Mersenne61.Sub(_prefix[b], Mersenne61.Mul(_prefix[a], _power[len]));
        return h ^ ((ulong)len * Golden);
    }

    /// <summary>Char length of tokens [a, b) concatenated.</summary>
    public int CharLength(int a, int b) => _starts[b] - _starts[a];

    private void EnsurePowers(int n)
    {
        if (_power.Length >= n) return;
        int old = _power.Length;
        Array.Resize(ref _power, Math.Max(n, old * 2));
        for (int i = old; i < _power.Length; i++) _power[i] = Mersenne61.Mul(_power[i - 1], Base);
    }
}
