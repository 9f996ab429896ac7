using System.Runtime.InteropServices;

namespace Assay.Text.LanguageModel;

/// <summary>
/// Interpolated modified Kneser–Ney (Chen &amp; Goodman 1998, §3.4–3.5) from highest-order counts,
/// the way KenLM's lmplz estimates it (Heafield et al. 2013, "Scalable Modified Kneser-Ney LM Estimation"):
/// <list type="bullet">
/// <item>adjusted counts: the highest order keeps raw counts; a lower-order n-gram's count is the
/// number of distinct words seen to its left, except n-grams beginning with &lt;s&gt;, which cannot be
/// extended left and keep raw counts;</item>
/// <item>three discounts per order from the count-of-counts of adjusted counts (<see cref="Discounts"/>);</item>
/// <item>p(w|h) = (a(hw) − D(a(hw)))/Σa(h·) + γ(h)·p(w|h′), γ(h) = (D1·N1(h·)+D2·N2(h·)+D3+·N3+(h·))/Σa(h·);
/// unigrams interpolate with the uniform distribution over the vocabulary without &lt;s&gt;
/// (so &lt;unk&gt; gets γ(ε)/|V|).</item>
/// </list>
/// The result stores interpolated probabilities and γ as backoffs, which is exactly what an ARPA file holds.
/// </summary>
internal static class KneserNeyEstimator
{
    public static NgramModel Estimate(IEnumerable<(NgramKey Key, long Count)> highest, int order, NgramVocabulary vocab, NgramOptions options, CancellationToken ct)
    {
        var adjusted = AdjustedCounts(highest, order, ct);
        var tables = new Dictionary<NgramKey, NgramEntry>[order];
        var discounts = new Discounts[order];
        for (int n = 1; n <= order; n++)
        {
            ct.ThrowIfCancellationRequested();
            discounts[n - 1] = DiscountsFor(adjusted[n - 1], n, options);
        }

        // Order 1: interpolate with uniform over every word but <s> (<unk> included even if unseen).
        var uni = adjusted[0];
        for (int w = 0; w < vocab.Count; w++)
            if (w != NgramVocabulary.Bos) uni.TryAdd(NgramKey.From([w]), 0);
        long sum = 0, n1 = 0, n2 = 0, n3 = 0;
        foreach (var (k, a) in uni)
        {
            if (k[0] == NgramVocabulary.Bos) continue;
            sum += a;
            if (a == 1) n1++; else if (a == 2) n2++; else if (a >= 3) n3++;
        }
        var d = discounts[0];
        double gamma0 = sum == 0 ? 1 : (d.D1 * n1 + d.D2 * n2 + d.D3Plus * n3) / sum;
        int vSize = uni.Count(kv => kv.Key[0] != NgramVocabulary.Bos);
        var probs = new Dictionary<NgramKey, double>(uni.Count);
        foreach (var (k, a) in uni)
        {
            if (k[0] == NgramVocabulary.Bos) continue;
            probs[k] = (sum == 0 ? 0 : (a - d.For(a)) / sum) + gamma0 / vSize;
        }
        tables[0] = new Dictionary<NgramKey, NgramEntry>(probs.Count + 1);
        foreach (var (k, p) in probs) tables[0][k] = new NgramEntry((float)Math.Log10(p), 0f);
        // <s> is never predicted: ARPA's convention is log10 p = -99; its backoff is set below.
        tables[0][NgramKey.From([NgramVocabulary.Bos])] = new NgramEntry(NgramModel.NoProb, 0f);

        for (int n = 2; n <= order; n++)
        {
            ct.ThrowIfCancellationRequested();
            var counts = adjusted[n - 1];
            var dn = discounts[n - 1];
            var contexts = new Dictionary<NgramKey, ContextStats>();
            foreach (var (k, a) in counts)
            {
                ref var s = ref CollectionsMarshal.GetValueRefOrAddDefault(contexts, k.Prefix(), out _);
                s.Add(a);
            }
            var lower = tables[n - 2];
            foreach (var (h, s) in contexts)
            {
                double g = (dn.D1 * s.N1 + dn.D2 * s.N2 + dn.D3Plus * s.N3) / s.Sum;
                ref var e = ref CollectionsMarshal.GetValueRefOrNullRef(lower, h);
                if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref e))
                    throw new InvalidOperationException($"internal: context of order {n - 1} missing from its table");
                e = e with { Log10Backoff = (float)Math.Log10(g) };
            }
            var nextProbs = new Dictionary<NgramKey, double>(counts.Count);
            var table = new Dictionary<NgramKey, NgramEntry>(counts.Count);
            foreach (var (k, a) in counts)
            {
                var s = contexts[k.Prefix()];
                double g = (dn.D1 * s.N1 + dn.D2 * s.N2 + dn.D3Plus * s.N3) / s.Sum;
                double p = (a - dn.For(a)) / s.Sum + g * probs[k.Suffix()];
                nextProbs[k] = p;
                table[k] = new NgramEntry((float)Math.Log10(p), 0f);
            }
            probs = nextProbs;
            tables[n - 1] = table;
        }
        return new NgramModel(order, vocab, tables);
    }

    /// <summary>Adjusted counts per order (index n−1), without the padding-only n-grams (two leading &lt;s&gt;).</summary>
    internal static Dictionary<NgramKey, long>[] AdjustedCounts(IEnumerable<(NgramKey Key, long Count)> highest, int order, CancellationToken ct)
    {
        var all = new Dictionary<NgramKey, long>[order];
        all[order - 1] = [];
        foreach (var (k, c) in highest) all[order - 1][k] = c;
        for (int n = order - 1; n >= 1; n--)
        {
            ct.ThrowIfCancellationRequested();
            var lower = new Dictionary<NgramKey, long>();
            foreach (var (k, c) in all[n])
            {
                var s = k.Suffix();
                ref long a = ref CollectionsMarshal.GetValueRefOrAddDefault(lower, s, out _);
                // Each higher n-gram is distinct, so +1 counts distinct left words; <s>-initial keep raw counts.
                a += s[0] == NgramVocabulary.Bos ? c : 1;
            }
            all[n - 1] = lower;
        }
        for (int n = 2; n <= order; n++)
        {
            var t = all[n - 1];
            foreach (var k in t.Keys.Where(k => k[0] == NgramVocabulary.Bos && k[1] == NgramVocabulary.Bos).ToList()) t.Remove(k);
        }
        all[0].Remove(NgramKey.From([NgramVocabulary.Bos]));
        return all;
    }

    private static Discounts DiscountsFor(Dictionary<NgramKey, long> counts, int n, NgramOptions options)
    {
        long c1 = 0, c2 = 0, c3 = 0, c4 = 0;
        foreach (var a in counts.Values)
            switch (a) { case 1: c1++; break; case 2: c2++; break; case 3: c3++; break; case 4: c4++; break; }
        return Discounts.Estimate(c1, c2, c3, c4) ?? options.DiscountFallback
            ?? throw new InvalidOperationException($"order {n}: count-of-counts n1..n4 = {c1}, {c2}, {c3}, {c4} give no valid modified Kneser–Ney discounts (corpus too small); set a discount fallback");
    }

    private struct ContextStats
    {
        public long Sum, N1, N2, N3;

        public void Add(long a)
        {
            Sum += a;
            if (a == 1) N1++; else if (a == 2) N2++; else if (a >= 3) N3++;
        }
    }
}
