using System.Globalization;

namespace Assay.Text.LanguageModel;

/// <summary>
/// A backoff n-gram LM as an ARPA file holds it: per order, each n-gram's log10 probability and
/// log10 backoff. Trained models (<see cref="NgramTrainer"/>) and ARPA files (<see cref="ArpaReader"/>)
/// score through the same code, so both give identical numbers.
/// Scoring convention: a document is one sentence, &lt;s&gt; w1 … wn &lt;/s&gt;: n+1 predictions
/// (KenLM's query on the document written as one line). Words follow <see cref="WordTokenizer"/>;
/// token-id models name each token by its decimal id.
/// </summary>
public sealed class NgramModel
{
    /// <summary>ARPA's "never predicted" log10 probability (used for &lt;s&gt;).</summary>
    public const float NoProb = -99f;

    private readonly Dictionary<NgramKey, NgramEntry>[] _tables;

    internal NgramModel(int order, NgramVocabulary vocab, Dictionary<NgramKey, NgramEntry>[] tables)
    {
        Order = order;
        Vocabulary = vocab;
        _tables = tables;
    }

    public int Order { get; }
    public NgramVocabulary Vocabulary { get; }

    /// <summary>Set for a freshly trained model; null for one read from ARPA.</summary>
    public NgramTrainingStats? Stats { get; internal set; }

    /// <summary>Number of n-grams of order <paramref name="n"/> (1-based).</summary>
    public int Count(int n) => _tables[n - 1].Count;

    internal IReadOnlyDictionary<NgramKey, NgramEntry> Table(int n) => _tables[n - 1];

    /// <summary>
    /// log10 p(word | history) with backoff: the longest stored n-gram ending in <paramref name="word"/>,
    /// plus the backoffs of the longer contexts that did not match. Only the last Order−1 history words count.
    /// </summary>
    public double Log10Prob(ReadOnlySpan<int> history, int word)
    {
        int maxN = Math.Min(history.Length + 1, Order);
        var ctx = history[(history.Length - (maxN - 1))..];
        Span<int> buf = stackalloc int[NgramKey.MaxOrder];
        int matched = 0;
        double prob = NoProb;
        for (int n = maxN; n >= 1; n--)
        {
            ctx[^(n - 1)..].CopyTo(buf);
            buf[n - 1] = word;
            if (_tables[n - 1].TryGetValue(NgramKey.From(buf[..n]), out var e)) { prob = e.Log10Prob; matched = n; break; }
        }
        if (matched == 0) return NoProb;
        for (int k = matched; k <= maxN - 1; k++)
            if (_tables[k - 1].TryGetValue(NgramKey.From(ctx[^k..]), out var e)) prob += e.Log10Backoff;
        return prob;
    }

    /// <summary>Scores a text: words by <see cref="WordTokenizer"/>, unknown words as &lt;unk&gt;.</summary>
    public NgramScore ScoreText(string text)
    {
        var ids = new List<int>();
        var vocab = Vocabulary;
        WordTokenizer.Tokenize(text, t => ids.Add(vocab.Find(t)));
        return ScoreIds(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ids));
    }

    /// <summary>Scores a sequence of token ids (a token-id model: each token's word is its decimal id).</summary>
    public NgramScore ScoreTokens(ReadOnlySpan<int> tokens)
    {
        var ids = new int[tokens.Length];
        Span<char> buf = stackalloc char[16];
        for (int i = 0; i < tokens.Length; i++)
        {
            tokens[i].TryFormat(buf, out int n, provider: CultureInfo.InvariantCulture);
            ids[i] = Vocabulary.Find(buf[..n]);
        }
        return ScoreIds(ids);
    }

    /// <summary>Scores vocabulary ids: &lt;s&gt; ids &lt;/s&gt;.</summary>
    public NgramScore ScoreIds(ReadOnlySpan<int> ids)
    {
        int h = Order - 1;
        Span<int> window = stackalloc int[NgramKey.MaxOrder];
        int filled = 0;
        Push(window, ref filled, h, NgramVocabulary.Bos);
        double total = 0;
        int oov = 0;
        foreach (int w in ids)
        {
            if (w == NgramVocabulary.Unk) oov++;
            total += Log10Prob(window[..filled], w);
            Push(window, ref filled, h, w);
        }
        total += Log10Prob(window[..filled], NgramVocabulary.Eos);
        return new NgramScore(total, ids.Length + 1, oov);
    }

    private static void Push(Span<int> window, ref int filled, int cap, int w)
    {
        if (cap == 0) return;
        if (filled < cap) { window[filled++] = w; return; }
        window[1..cap].CopyTo(window);
        window[cap - 1] = w;
    }
}
