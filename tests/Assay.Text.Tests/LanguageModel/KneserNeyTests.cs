using Assay.Text.LanguageModel;

namespace Assay.Text.Tests.LanguageModel;

public sealed class KneserNeyTests
{
    private static NgramModel Train(int order, IEnumerable<string> docs, int maxGrams = 1 << 20) =>
        NgramTrainer.TrainText(docs, new NgramOptions { Order = order, MaxGramsInMemory = maxGrams });

    [Fact]
    public void Bigram_model_matches_hand_computation()
    {
        // Worked by hand (see the estimator's formula; discounts fall back to 0.5/1/1.5 as the
        // count-of-counts here have no n3):
        // unigram adjusted counts a=1 b=2 c=1 </s>=2 <unk>=0, S=6, γ=0.5, |V|=5
        //   p(a)=0.5/6+0.1  p(b)=1/6+0.1  p(</s>)=1/6+0.1  p(<unk>)=0.1
        // p(a|<s>)=(2-1)/3+0.5·p(a)   p(b|a)=(1-0.5)/2+0.5·p(b)   p(</s>|b)=(2-1)/2+0.5·p(</s>)
        var m = Train(2, ["a b", "a c", "b"]);
        double pa = 0.5 / 6 + 0.1, pb = 1.0 / 6 + 0.1, pEos = 1.0 / 6 + 0.1;
        double expected = Math.Log10((1.0 / 3 + 0.5 * pa) * (0.25 + 0.5 * pb) * (0.5 + 0.5 * pEos));
        var s = m.ScoreText("a b");
        Assert.Equal(3, s.Tokens);
        Assert.Equal(0, s.Oov);
        Assert.Equal(expected, s.Log10Prob, 5);
        // <unk> after <s>: γ(<s>)·p(<unk>), γ(<s>) = (D1·1 + D2·1)/3 = 0.5.
        Assert.Equal(Math.Log10(0.5 * 0.1), m.Log10Prob([NgramVocabulary.Bos], NgramVocabulary.Unk), 5);
        // Backoff for an unseen bigram: p(c|b) = γ(b)·p(c), γ(b) = D2·1/2 = 0.5.
        int b = m.Vocabulary.Find("b"), c = m.Vocabulary.Find("c");
        Assert.Equal(Math.Log10(0.5 * (0.5 / 6 + 0.1)), m.Log10Prob([b], c), 5);
        Assert.Equal(5 + 1, m.Count(1)); // <unk> <s> </s> a b c
        Assert.Equal(6, m.Count(2));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Every_context_distribution_sums_to_one(int order)
    {
        var m = Train(order, SmallCorpus());
        var vocab = Enumerable.Range(0, m.Vocabulary.Count).Where(w => w != NgramVocabulary.Bos).ToArray();
        // Every stored context (and the empty one) at every order, plus one never-seen context.
        var contexts = new List<int[]> { Array.Empty<int>(), new[] { m.Vocabulary.Find("zebra"), m.Vocabulary.Find("mat") } };
        for (int n = 1; n < order; n++)
            foreach (var k in m.Table(n).Keys)
            {
                var w = new int[n];
                k.CopyTo(w);
                contexts.Add(w);
            }
        Assert.True(contexts.Count > (order == 1 ? 1 : 10));
        foreach (var h in contexts)
        {
            double sum = vocab.Sum(w => Math.Pow(10, m.Log10Prob(h, w)));
            Assert.True(Math.Abs(sum - 1) < 1e-4, $"context [{string.Join(' ', h.Select(i => m.Vocabulary[i]))}] sums to {sum}");
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Matches_a_naive_reference_implementation_for_every_history_in_the_corpus(int order)
    {
        var docs = SmallCorpus(seed: 5, count: 40).ToList();
        var m = Train(order, docs);
        var reference = new ReferenceKneserNey(docs, order);
        int checkedPairs = 0;
        foreach (var doc in docs.Take(8))
        {
            var words = new[] { "<s>" }.Concat(WordTokenizer.Split(doc)).ToArray();
            for (int i = 1; i <= words.Length; i++)
            {
                var h = words[Math.Max(0, i - order + 1)..i];
                var ids = h.Select(w => m.Vocabulary.Find(w)).ToArray();
                foreach (var w in reference.Vocabulary)
                {
                    double expected = Math.Log10(reference.Prob(h, w));
                    Assert.True(Math.Abs(expected - m.Log10Prob(ids, m.Vocabulary.Find(w))) < 1e-5, $"p({w} | {string.Join(' ', h)})");
                    checkedPairs++;
                }
            }
        }
        Assert.True(checkedPairs > 1000);
    }

    [Fact]
    public void Spilling_to_disk_gives_the_same_model()
    {
        var docs = SmallCorpus().ToList();
        var inMemory = Train(4, docs);
        var spilled = Train(4, docs, maxGrams: 16);
        Assert.Equal(0, inMemory.Stats!.SpilledRuns);
        Assert.True(spilled.Stats!.SpilledRuns > 3);
        Assert.Equal(Arpa(inMemory), Arpa(spilled));
    }

    [Fact]
    public void Token_id_models_score_like_word_models_with_the_same_sequence()
    {
        var words = new NgramVocabulary();
        var docs = SmallCorpus().ToList();
        var tokenDocs = docs.Select(d => WordTokenizer.Split(d).Select(w => words.GetOrAdd(w) * 7 + 1000).ToArray()).ToList();
        var tm = NgramTrainer.TrainTokens(tokenDocs, new NgramOptions { Order = 3 });
        var wm = Train(3, docs);
        for (int i = 0; i < 5; i++)
            Assert.Equal(wm.ScoreText(docs[i]).Log10Prob, tm.ScoreTokens(tokenDocs[i]).Log10Prob, 9);
        Assert.Contains($"\t{tokenDocs[0][0]} {tokenDocs[0][1]}\t", Arpa(tm));
    }

    [Fact]
    public void In_domain_text_has_lower_perplexity_than_out_of_domain()
    {
        var m = Train(3, SmallCorpus(seed: 1, count: 400));
        var inDomain = SmallCorpus(seed: 2, count: 50).Select(d => m.ScoreText(d).Perplexity).Average();
        var outDomain = OtherDomain().Select(d => m.ScoreText(d).Perplexity).Average();
        Assert.True(inDomain * 3 < outDomain, $"in-domain ppl {inDomain:F1}, out-of-domain {outDomain:F1}");
    }

    [Fact]
    public void Tiny_corpus_without_fallback_is_an_error_naming_the_order()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            NgramTrainer.TrainText(["a b"], new NgramOptions { Order = 2, DiscountFallback = null }));
        Assert.Contains("order 1", e.Message);
    }

    internal static string Arpa(NgramModel m)
    {
        var sw = new StringWriter();
        ArpaWriter.Write(m, sw);
        return sw.ToString();
    }

    internal static IEnumerable<string> SmallCorpus(int seed = 0, int count = 120)
    {
        string[] subj = ["the cat", "a dog", "the old man", "my sister", "the bird"];
        string[] verb = ["sat on", "looked at", "ran to", "slept near", "jumped over"];
        string[] obj = ["the mat", "the door", "a tree", "the river", "the small house"];
        var rng = new Random(seed);
        for (int i = 0; i < count; i++)
            yield return $"{subj[rng.Next(subj.Length)]} {verb[rng.Next(verb.Length)]} {obj[rng.Next(obj.Length)]}" + (rng.Next(3) == 0 ? ", and then it rained." : ".");
    }

    private static IEnumerable<string> OtherDomain() =>
    [
        "Quarterly revenue grew 4% on strong semiconductor demand.",
        "The compiler inlines small methods before register allocation.",
        "Patients received 20 mg daily for six weeks.",
        "Parliament adjourned without a vote on the tariff bill.",
    ];
}
